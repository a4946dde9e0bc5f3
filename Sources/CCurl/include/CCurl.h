#ifndef PFSH_CCURL_H
#define PFSH_CCURL_H

/* Typed wrappers around libcurl's variadic calls, which Swift cannot call directly.
   One setter per argument kind: passing the wrong width through `...` is undefined behaviour. */

#include <stddef.h>
#include <curl/curl.h>

/* CURLAUTH_* are macros with a cast and do not import into Swift. */
static const long PFSH_CURLAUTH_BASIC = (long)CURLAUTH_BASIC;

/* curl_global_init(CURL_GLOBAL_DEFAULT); call once per process. */
CURLcode pfsh_curl_global_init(void);

typedef size_t (*pfsh_curl_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);

CURLcode pfsh_curl_setopt_long(CURL *handle, CURLoption option, long value);
/* libcurl copies string options (except POSTFIELDS, which this shim never sets). */
CURLcode pfsh_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode pfsh_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
/* WRITEFUNCTION and HEADERFUNCTION. */
CURLcode pfsh_curl_setopt_data_cb(CURL *handle, CURLoption option, pfsh_curl_data_cb callback);

/* A request body libcurl reads through a callback, from the shim's own copy of the bytes. Its seek
   callback refuses to rewind once any byte was read: libcurl then fails with CURLE_SEND_FAIL_REWIND
   instead of silently resending a request that may have reached the server. */
typedef struct pfsh_curl_body pfsh_curl_body;
pfsh_curl_body *pfsh_curl_body_create(const void *data, size_t length);
void pfsh_curl_body_destroy(pfsh_curl_body *body);
/* How many bytes of the body libcurl has read so far (0: none went out). */
size_t pfsh_curl_body_read(const pfsh_curl_body *body);
/* POST with the body's length; the body must outlive the transfer. */
CURLcode pfsh_curl_set_body(CURL *handle, pfsh_curl_body *body);

CURLcode pfsh_curl_getinfo_long(CURL *handle, CURLINFO info, long *out);
CURLcode pfsh_curl_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *out);

/* A flag that another thread may raise while pfsh_curl_perform runs on this one, with the multi
   handle that performs the transfer: raising it wakes the transfer's wait, so it stops at once
   (libcurl's progress callback runs only about once a second on an idle connection). The multi
   handle keeps the connection cache, so connections are reused across transfers. */
typedef struct pfsh_curl_cancel_flag pfsh_curl_cancel_flag;
pfsh_curl_cancel_flag *pfsh_curl_cancel_flag_create(void);
void pfsh_curl_cancel_flag_destroy(pfsh_curl_cancel_flag *flag);
/* Safe from any thread. */
void pfsh_curl_cancel_flag_set(pfsh_curl_cancel_flag *flag, int raised);

/* curl_easy_perform through the flag's multi handle; CURLE_ABORTED_BY_CALLBACK once `flag` is raised. */
CURLcode pfsh_curl_perform(CURL *handle, pfsh_curl_cancel_flag *flag);

#endif
