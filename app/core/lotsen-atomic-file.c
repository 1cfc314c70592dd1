/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-atomic-file.c — a file that appears whole or not at all.
 *
 * The file is written to a temporary file beside its target, synced,
 * renamed over the target and the folder synced, and recorded in the
 * audit table in the same transaction; on any error the temporary file
 * is removed and an old file at the target is left as it was.  Exports
 * and reports write their files through it.
 *
 * A temporary file is named ".NAME.lotsen-XXXXXX".  One that a killed
 * export left behind is removed by the next export into its folder, once
 * it is older than %STALE_SECONDS (an export that still runs writes to its
 * own).
 */

#define G_LOG_DOMAIN "lotsen-export"
/* fsync (), lstat (), realpath (), O_CLOEXEC and O_DIRECTORY under -std=c17. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lotsen-atomic-file.h"
#include "lotsen-store-private.h"

#define TEMP_MARK     ".lotsen-"
#define STALE_SECONDS 3600

/**
 * lotsen_file_error_from_errno:
 * @saved_errno: an errno value
 *
 * Returns: the #GIOErrorEnum for @saved_errno; a full quota is
 *   %G_IO_ERROR_NO_SPACE, as a full disk is
 */
GIOErrorEnum
lotsen_file_error_from_errno (int saved_errno)
{
#ifdef EDQUOT
  if (saved_errno == EDQUOT)
    return G_IO_ERROR_NO_SPACE;
#endif

  return g_io_error_from_errno (saved_errno);
}

/* In %G_IO_ERROR, so that a caller can tell a full disk from a
 * read-only one. */
static void
set_file_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, lotsen_file_error_from_errno (saved_errno),
               /* Translators: %s is a file name, then the reason. */
               _("The export file %s cannot be written: %s"),
               path, g_strerror (saved_errno));
}

/**
 * lotsen_file_sync_folder:
 * @dir: a folder
 *
 * Makes a rename in @dir survive a power cut.  Not every file system can
 * sync a folder; the file itself must be synced already.
 */
void
lotsen_file_sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;

  if (fsync (fd) != 0)
    g_debug ("Cannot sync the folder %s: %s", dir, g_strerror (errno));

  close (fd);
}

static gboolean
set_not_a_file (GError     **error,
                const char  *path,
                gboolean     is_folder)
{
  g_set_error (error, G_IO_ERROR, is_folder ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
               /* Translators: %s is a file name given for an export. */
               _("%s is not an ordinary file, so the export does not replace it. Give the name of a file."),
               path);
  return FALSE;
}

/* An export replaces a regular file or makes a new one, nothing else: a
 * folder, a FIFO or a device stays as it is.  A symbolic link is followed
 * to the regular file it names, which is then replaced while the link
 * stays; a link to anything else, or to nothing, is refused.  Returns the
 * file to replace in @resolved (@target, or where its link leads). */
static gboolean
check_target (const char  *target,
              char       **resolved,
              GError     **error)
{
  struct stat info;
  char *real;

  if (lstat (target, &info) != 0)
    {
      /* Nothing there yet, or a folder that cannot be read: the
       * temporary file's creation tells which. */
      *resolved = g_strdup (target);
      return TRUE;
    }

  if (S_ISREG (info.st_mode))
    {
      *resolved = g_strdup (target);
      return TRUE;
    }

  if (!S_ISLNK (info.st_mode))
    return set_not_a_file (error, target, S_ISDIR (info.st_mode));

  real = realpath (target, NULL);
  if (real == NULL || stat (real, &info) != 0 || !S_ISREG (info.st_mode))
    {
      gboolean is_folder = real != NULL && S_ISDIR (info.st_mode);

      free (real);
      return set_not_a_file (error, target, is_folder);
    }

  *resolved = g_strdup (real);
  free (real);
  return TRUE;
}

/* Right before the rename: still nothing, or still a regular file. */
static gboolean
check_still_file (const char  *target,
                  GError     **error)
{
  struct stat info;

  if (lstat (target, &info) != 0 || S_ISREG (info.st_mode))
    return TRUE;

  return set_not_a_file (error, target, S_ISDIR (info.st_mode));
}

/* ".NAME.lotsen-XXXXXX", as g_mkstemp_full() fills it in. */
static gboolean
is_temp_name (const char *name)
{
  gsize length = strlen (name);
  gsize mark = strlen (TEMP_MARK);

  if (name[0] != '.' || length < 1 + 1 + mark + 6 ||
      strncmp (name + length - 6 - mark, TEMP_MARK, mark) != 0)
    return FALSE;

  for (gsize i = length - 6; i < length; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;

  return TRUE;
}

/* Removes the temporary files of exports killed before they could remove
 * them: only this user's regular files of that name, older than
 * %STALE_SECONDS.  Nothing here is an error; the export goes on. */
static void
remove_stale_temps (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (folder == NULL)
    return;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat info;

      if (!is_temp_name (name))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (lstat (path, &info) != 0 || !S_ISREG (info.st_mode) || info.st_uid != geteuid () ||
          now - (gint64) info.st_mtime < STALE_SECONDS)
        continue;

      if (g_unlink (path) != 0)
        g_debug ("Cannot remove the old temporary file %s: %s", path, g_strerror (errno));
    }
}

/**
 * lotsen_export_replace_file:
 * @path: the file to write; an existing file is replaced
 * @write: writes the file, to its stream or (for a library that writes
 *   by name) to its temporary path, and appends the audit record's detail
 * @user_data: for @write
 *
 * The common path of every file an export writes: a temporary file beside
 * @path (readable by its owner only), synced to disk, then renamed to
 * @path and recorded in the audit table as "export" in one transaction.
 * On any error there is no new file and an old file at @path is left as
 * it was.  Only a regular file is replaced: a folder is
 * %G_IO_ERROR_IS_DIRECTORY, a FIFO, a device or a link to one
 * %G_IO_ERROR_NOT_REGULAR_FILE, before anything is written.
 *
 * Returns: %TRUE on success
 */
gboolean
lotsen_export_replace_file (LotsenStore           *store,
                            const char            *path,
                            LotsenExportFileFunc   write,
                            gpointer               user_data,
                            GError               **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr(GString) detail = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A name typed by staff: empty is wrong input, not a programming error. */
  if (*path == '\0')
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The export needs a file name."));
      return FALSE;
    }

  {
    g_autofree char *named = g_canonicalize_filename (path, NULL);

    if (!check_target (named, &target, error))
      return FALSE;
  }
  dir = g_path_get_dirname (target);
  {
    g_autofree char *base = g_path_get_basename (target);

    temp_name = g_strconcat (".", base, TEMP_MARK "XXXXXX", NULL);
  }
  temp_path = g_build_filename (dir, temp_name, NULL);

  remove_stale_temps (dir);

  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_file_error (error, target, errno);
      return FALSE;
    }

  out = g_unix_output_stream_new (fd, TRUE);
  detail = g_string_new (NULL);

  if (!write (out, temp_path, target, detail, user_data, error))
    goto fail;

  /* A writer by name wrote beside @fd; @fd still syncs the file. */
  if (fsync (fd) != 0)
    {
      set_file_error (error, target, errno);
      goto fail;
    }

  if (!g_output_stream_close (out, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The export file %s cannot be written: %s"),
                   target, local_error->message);
      goto fail;
    }

  /* The record and the file appear together, or neither does. */
  if (!lotsen_store_begin (store, error))
    goto fail;

  if (!lotsen_store_audit (store, "export", detail->str, error))
    {
      lotsen_store_rollback (store);
      goto fail;
    }

  if (!check_still_file (target, error))
    {
      lotsen_store_rollback (store);
      goto fail;
    }

  if (g_rename (temp_path, target) != 0)
    {
      set_file_error (error, target, errno);
      lotsen_store_rollback (store);
      goto fail;
    }

  lotsen_file_sync_folder (dir);

  if (!lotsen_store_commit (store, error))
    {
      /* An export nobody can account for must not stay behind. */
      g_unlink (target);
      return FALSE;
    }

  return TRUE;

fail:
  g_output_stream_close (out, NULL, NULL);
  g_unlink (temp_path);
  return FALSE;
}

/**
 * lotsen_export_write_buffer:
 * @out: where the file is written
 * @buffer: what to write; emptied after it was written
 *
 * Returns: %TRUE when all of @buffer was written; else %FALSE with the
 *   stream's error domain and code (%G_IO_ERROR_NO_SPACE for a full disk)
 *   in @error
 */
gboolean
lotsen_export_write_buffer (GOutputStream  *out,
                            GString        *buffer,
                            GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is the reason, e.g. "No space left on device". */
                   _("The export could not be written: %s"),
                   local_error->message);
      return FALSE;
    }

  g_string_truncate (buffer, 0);
  return TRUE;
}
