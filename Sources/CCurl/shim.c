#include "CCurl.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

struct pfsh_curl_body {
    size_t length;
    size_t offset;
    char bytes[];
};

pfsh_curl_body *pfsh_curl_body_create(const void *data, size_t length) {
    pfsh_curl_body *body = malloc(sizeof *body + length + 1);
    if (body == NULL) {
        return NULL;
    }
    body->length = length;
    body->offset = 0;
    if (length > 0) {
        memcpy(body->bytes, data, length);
    }
    return body;
}

size_t pfsh_curl_body_read(const pfsh_curl_body *body) {
    return body->offset;
}

void pfsh_curl_body_destroy(pfsh_curl_body *body) {
    free(body);
}

static size_t read_body(char *buffer, size_t size, size_t count, void *context) {
    pfsh_curl_body *body = context;
    size_t room = size * count;
    size_t left = body->length - body->offset;
    size_t length = left < room ? left : room;
    memcpy(buffer, body->bytes + body->offset, length);
    body->offset += length;
    return length;
}

/* libcurl seeks to resend the body, on a fresh connection, when a reused one closed before the
   answer began: the request may have reached the server, so a body once read is never sent again. */
static int seek_body(void *context, curl_off_t offset, int origin) {
    pfsh_curl_body *body = context;
    if (offset == 0 && origin == SEEK_SET && body->offset == 0) {
        return CURL_SEEKFUNC_OK;
    }
    return CURL_SEEKFUNC_FAIL;
}

CURLcode pfsh_curl_set_body(CURL *handle, pfsh_curl_body *body) {
    CURLcode rc = curl_easy_setopt(handle, CURLOPT_POST, 1L);
    if (rc == CURLE_OK) rc = curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body->length);
    if (rc == CURLE_OK) rc = curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_body);
    if (rc == CURLE_OK) rc = curl_easy_setopt(handle, CURLOPT_READDATA, (void *)body);
    if (rc == CURLE_OK) rc = curl_easy_setopt(handle, CURLOPT_SEEKFUNCTION, seek_body);
    if (rc == CURLE_OK) rc = curl_easy_setopt(handle, CURLOPT_SEEKDATA, (void *)body);
    return rc;
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
