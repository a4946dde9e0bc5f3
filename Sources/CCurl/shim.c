#include "CCurl.h"

#include <stdatomic.h>
#include <stdlib.h>

struct pfsh_curl_cancel_flag {
    atomic_int raised;
    CURLM *multi;
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
    if (flag == NULL) {
        return NULL;
    }
    atomic_init(&flag->raised, 0);
    flag->multi = curl_multi_init();
    if (flag->multi == NULL) {
        free(flag);
        return NULL;
    }
    return flag;
}

void pfsh_curl_cancel_flag_destroy(pfsh_curl_cancel_flag *flag) {
    curl_multi_cleanup(flag->multi);
    free(flag);
}

void pfsh_curl_cancel_flag_set(pfsh_curl_cancel_flag *flag, int raised) {
    atomic_store(&flag->raised, raised ? 1 : 0);
    if (raised) {
        curl_multi_wakeup(flag->multi);
    }
}

CURLcode pfsh_curl_perform(CURL *handle, pfsh_curl_cancel_flag *flag) {
    if (curl_multi_add_handle(flag->multi, handle) != CURLM_OK) {
        return CURLE_FAILED_INIT;
    }
    CURLcode result = CURLE_OK;
    int running = 1;
    while (running) {
        if (curl_multi_perform(flag->multi, &running) != CURLM_OK) {
            result = CURLE_SEND_ERROR;
            break;
        }
        if (running && atomic_load(&flag->raised)) {
            result = CURLE_ABORTED_BY_CALLBACK;
            break;
        }
        if (running && curl_multi_poll(flag->multi, NULL, 0, 100, NULL) != CURLM_OK) {
            result = CURLE_RECV_ERROR;
            break;
        }
    }
    int left = 0;
    CURLMsg *message;
    while ((message = curl_multi_info_read(flag->multi, &left)) != NULL) {
        if (message->msg == CURLMSG_DONE && message->easy_handle == handle && result == CURLE_OK) {
            result = message->data.result;
        }
    }
    curl_multi_remove_handle(flag->multi, handle);
    return result;
}
