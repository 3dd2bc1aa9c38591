#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/core_names.h>
#include <openssl/params.h>

/* A keyed HMAC-SHA256 context, made once per key: each message then gets a copy of it
   (EVP_MAC_CTX_dup), so the algorithm is fetched and the key absorbed once, not once per
   message as the one-shot HMAC() does (every assessment of every build is fingerprinted). */
static inline EVP_MAC_CTX *portal_hmac_sha256_new(const unsigned char *key, size_t length) {
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    if (!mac) { return NULL; }
    EVP_MAC_CTX *context = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac);
    if (!context) { return NULL; }
    char digest[] = "SHA256";
    OSSL_PARAM params[] = { OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_construct_end() };
    if (EVP_MAC_init(context, key, length, params) != 1) { EVP_MAC_CTX_free(context); return NULL; }
    return context;
}

/* HMAC-SHA256 of `data` under `keyed` (left unchanged, so any number of threads may use
   it at once) into `out` (32 bytes); 1 on success. */
static inline int portal_hmac_sha256(const EVP_MAC_CTX *keyed, const unsigned char *data, size_t length, unsigned char *out) {
    EVP_MAC_CTX *context = EVP_MAC_CTX_dup(keyed);
    if (!context) { return 0; }
    size_t written = 0;
    int ok = EVP_MAC_update(context, data, length) == 1 && EVP_MAC_final(context, out, &written, 32) == 1 && written == 32;
    EVP_MAC_CTX_free(context);
    return ok;
}
