# fish completion for pfsh. It asks pfsh itself (`pfsh __complete fish -- WORDS...`), which runs
# the completer of the pfsh prompt; commands show their summary, client IDs the client's name.
# Installed as share/fish/vendor_completions.d/pfsh.fish.
function __pfsh_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    $tokens[1] __complete fish -- $tokens[2..-1] $current 2>/dev/null
end
complete -c pfsh -f -a '(__pfsh_complete)'
