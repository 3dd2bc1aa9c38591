#ifndef ATOMIC_RENAME_H
#define ATOMIC_RENAME_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so a reader
/// sees either the old or the new folder, never neither. Returns 0, or -1 with errno set
/// (EINVAL/ENOSYS where the file system or kernel cannot exchange).
int portal_exchange_paths(const char *a, const char *b);

#endif
