#include "CCurl.h"

#include <stdatomic.h>
#include <stdlib.h>

struct pfsh_curl_cancel_flag {
    atomic_int raised;
};

CURLcode pfsh_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

CURLcode pfsh_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode pfsh_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode pfsh_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode pfsh_curl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode pfsh_curl_setopt_data_cb(CURL *handle, CURLoption option, pfsh_curl_data_cb callback) {
    return curl_easy_setopt(handle, option, callback);
}

CURLcode pfsh_curl_set_body(CURL *handle, const void *data, size_t length) {
    static const char empty[1] = {0};
    CURLcode rc = curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)length);
    if (rc != CURLE_OK) {
        return rc;
    }
    const char *bytes = (data != NULL && length > 0) ? (const char *)data : empty;
    return curl_easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, bytes);
}

CURLcode pfsh_curl_getinfo_long(CURL *handle, CURLINFO info, long *out) {
    return curl_easy_getinfo(handle, info, out);
}

CURLcode pfsh_curl_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *out) {
    return curl_easy_getinfo(handle, info, out);
}

pfsh_curl_cancel_flag *pfsh_curl_cancel_flag_create(void) {
    pfsh_curl_cancel_flag *flag = malloc(sizeof *flag);
    if (flag != NULL) {
        atomic_init(&flag->raised, 0);
    }
    return flag;
}

void pfsh_curl_cancel_flag_destroy(pfsh_curl_cancel_flag *flag) {
    free(flag);
}

void pfsh_curl_cancel_flag_set(pfsh_curl_cancel_flag *flag, int raised) {
    atomic_store(&flag->raised, raised ? 1 : 0);
}

int pfsh_curl_cancel_flag_get(pfsh_curl_cancel_flag *flag) {
    return atomic_load(&flag->raised);
}

static int pfsh_curl_xferinfo(void *clientp, curl_off_t dltotal, curl_off_t dlnow,
                              curl_off_t ultotal, curl_off_t ulnow) {
    (void)dltotal; (void)dlnow; (void)ultotal; (void)ulnow;
    pfsh_curl_cancel_flag *flag = clientp;
    return (flag != NULL && atomic_load(&flag->raised)) ? 1 : 0;
}

CURLcode pfsh_curl_watch_cancel_flag(CURL *handle, pfsh_curl_cancel_flag *flag) {
    CURLcode rc = curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, pfsh_curl_xferinfo);
    if (rc == CURLE_OK) {
        rc = curl_easy_setopt(handle, CURLOPT_XFERINFODATA, (void *)flag);
    }
    if (rc == CURLE_OK) {
        rc = curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    }
    return rc;
}
