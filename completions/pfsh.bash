# bash completion for pfsh. It asks pfsh itself (`pfsh __complete bash -- WORDS...`), which runs
# the completer of the pfsh prompt: options, commands, fields, enum values, grant types,
# profiles, files and live client IDs. Installed as share/bash-completion/completions/pfsh.
_pfsh() {
    local cur words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n =: || return
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
    fi
    local line text
    COMPREPLY=()
    # One candidate a line: TEXT, a tab, 1 when a space may follow (0 after a folder's / or clientAuth.).
    while IFS= read -r line; do
        text=${line%%$'\t'*}
        [[ $text == *[[:space:]\'\"\\\$\`\(\)\;\&\|\<\>\*\?\[\]\!\#]* ]] && printf -v text '%q' "$text"
        [[ ${line##*$'\t'} == 1 ]] && text+=' '
        COMPREPLY+=("$text")
    done < <(command "${words[0]}" __complete bash -- "${words[@]:1:cword}" 2>/dev/null)
}
complete -o nospace -F _pfsh pfsh
