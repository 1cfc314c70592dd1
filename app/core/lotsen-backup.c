/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-backup.c — copies of the database that can be trusted, and
 * putting one back.
 *
 * A backup is made with sqlite's online backup API from a connection of
 * its own, in one read transaction, so it is a consistent copy even while
 * the kiosk or lotsen-admin write; the copy is checked with PRAGMA
 * integrity_check, written beside its target under a temporary name,
 * synced and renamed, so a backup file is whole or not there.  These
 * functions take file names, not a LotsenStore, so that they can run in a
 * worker thread while the kiosk goes on using its own connection.
 *
 * A restore checks the file first, keeps the current database aside
 * (<db>.before-restore-<time>) and then copies the backup into the
 * database with the same API, under sqlite's locks, in one transaction.
 */

#define G_LOG_DOMAIN "lotsen-backup"
/* fsync () and O_CLOEXEC under -std=c17. */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lotsen-atomic-file.h"
#include "lotsen-backup.h"
#include "lotsen-store-private.h"

#define BUSY_TIMEOUT_MS 10000
/* How often a backup step that found the database locked is tried again. */
#define STEP_RETRIES 200
#define STEP_RETRY_US (50 * 1000)

G_DEFINE_QUARK (lotsen-backup-error-quark, lotsen_backup_error)

static sqlite3 *
open_database (const char  *path,
               int          flags,
               GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_FAILED,
                   /* Translators: %s is a file name, then the reason. */
                   _("The database %s cannot be opened: %s"),
                   path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

static gboolean
is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* Is @db (at @path) a whole Lotsen database this version can use? */
static gboolean
check_database (sqlite3     *db,
                const char  *path,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *problem = NULL;
  int rc, version;

  if ((rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL)) != SQLITE_OK ||
      (rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      g_set_error (error, LOTSEN_BACKUP_ERROR,
                   is_damage (rc) ? LOTSEN_BACKUP_ERROR_INVALID : LOTSEN_BACKUP_ERROR_FAILED,
                   /* Translators: %s is a file name, then a technical reason. */
                   _("The file %s cannot be read as a database: %s"),
                   path, sqlite3_errmsg (db));
      return FALSE;
    }

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (problem != NULL)
    {
      g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_INVALID,
                   /* Translators: %s is a file name, then a technical description of the damage. */
                   _("The database %s is damaged: %s"), path, problem);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    version = 0;
  else
    version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (version > lotsen_store_get_latest_version ())
    {
      g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_TOO_NEW,
                   /* Translators: %s is a file name. */
                   _("The database %s was made by a newer version of Lotsen."), path);
      return FALSE;
    }

  /* Every Lotsen database has its kiosk's id from the first start. */
  if (version == 0 ||
      sqlite3_prepare_v2 (db, "SELECT value FROM setting WHERE key = 'kiosk_id'", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_INVALID,
                   /* Translators: %s is a file name. */
                   _("The file %s is not a Lotsen database."), path);
      return FALSE;
    }

  return TRUE;
}

/* Copies all of @source into @dest in one step (one read transaction on
 * @source, one write transaction on @dest); tries again while either is
 * locked. */
static gboolean
copy_database (sqlite3     *dest,
               sqlite3     *source,
               const char  *source_path,
               GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_FAILED,
                   /* Translators: %s is a file name, then a technical reason. */
                   _("The database %s cannot be copied: %s"),
                   source_path, sqlite3_errmsg (dest));
      return FALSE;
    }

  for (int tries = 0; ; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= STEP_RETRIES)
        break;
      g_usleep (STEP_RETRY_US);
    }

  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      /* The error is on whichever connection failed; the destination's
       * connection reports both after finish. */
      const char *reason = sqlite3_errcode (dest) != SQLITE_OK ? sqlite3_errmsg (dest) : sqlite3_errstr (rc);

      g_set_error (error, LOTSEN_BACKUP_ERROR,
                   is_damage (rc) ? LOTSEN_BACKUP_ERROR_INVALID : LOTSEN_BACKUP_ERROR_FAILED,
                   _("The database %s cannot be copied: %s"), source_path, reason);
      return FALSE;
    }

  return TRUE;
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno = 0;

  if (fd < 0 || fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0)
    close (fd);

  if (saved_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, lotsen_file_error_from_errno (saved_errno),
                   /* Translators: %s is a file name, then the reason. */
                   _("The backup %s cannot be written: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static void
remove_database_files (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (journal);
  g_unlink (path);
}

/**
 * lotsen_backup_write:
 * @database: the database file to copy
 * @output: the backup file; an existing file is replaced
 *
 * Makes a consistent copy of @database at @output while other connections
 * may be writing to it.  The copy is a single file (no WAL beside it),
 * readable by its owner only, checked with PRAGMA integrity_check before
 * it is renamed into place.
 *
 * Returns: %TRUE on success; else %FALSE with %LOTSEN_BACKUP_ERROR_INVALID
 *   when @database is damaged, or another error, and no file at @output
 *   changed
 */
gboolean
lotsen_backup_write (const char  *database,
                     const char  *output,
                     GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *temp_path = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (output != NULL && *output != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_test (database, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_FAILED,
                   /* Translators: %s is a file name. */
                   _("There is no database %s to back up."), database);
      return FALSE;
    }

  target = g_canonicalize_filename (output, NULL);
  dir = g_path_get_dirname (target);
  {
    g_autofree char *base = g_path_get_basename (target);
    g_autofree char *temp_name = g_strconcat (".", base, ".XXXXXX", NULL);

    temp_path = g_build_filename (dir, temp_name, NULL);
  }

  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, lotsen_file_error_from_errno (saved_errno),
                   _("The backup %s cannot be written: %s"), target, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  /* Read-only: a backup never changes the database it copies. */
  if ((source = open_database (database, SQLITE_OPEN_READONLY, error)) == NULL ||
      (dest = open_database (temp_path, SQLITE_OPEN_READWRITE, error)) == NULL ||
      !copy_database (dest, source, database, error))
    goto out;

  /* The copy stands alone: no write-ahead log beside it. */
  if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_FAILED,
                   _("The backup %s cannot be written: %s"), target, sqlite3_errmsg (dest));
      goto out;
    }

  if (!check_database (dest, database, error))
    goto out;

  sqlite3_close (g_steal_pointer (&dest));

  if (!sync_file (temp_path, error))
    goto out;

  if (g_rename (temp_path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, lotsen_file_error_from_errno (saved_errno),
                   _("The backup %s cannot be written: %s"), target, g_strerror (saved_errno));
      goto out;
    }

  lotsen_file_sync_folder (dir);
  ok = TRUE;

out:
  sqlite3_close (dest);
  sqlite3_close (source);
  if (!ok)
    remove_database_files (temp_path);

  return ok;
}

/* lotsen-YYYY-MM-DD.db: the name of a dated backup, and its date. */
static gboolean
parse_backup_name (const char *name,
                   GDate      *date)
{
  int year, month, day;
  char end;

  if (strlen (name) != strlen ("lotsen-YYYY-MM-DD.db") ||
      sscanf (name, "lotsen-%4d-%2d-%2d.d%c", &year, &month, &day, &end) != 4 ||
      end != 'b' || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * lotsen_backup_to_folder:
 * @database: the database file to copy
 * @folder: where the dated backups are kept; made when missing
 * @now: the local time of the backup; its date names the file
 *
 * Writes `lotsen-YYYY-MM-DD.db` in @folder (a second backup on one day
 * replaces the first), then thins the folder out with
 * lotsen_backup_rotate().
 *
 * Returns: (transfer full): the backup's file name, or %NULL with @error set
 */
char *
lotsen_backup_to_folder (const char  *database,
                         const char  *folder,
                         GDateTime   *now,
                         GError     **error)
{
  g_autoptr(GError) rotate_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (database != NULL && folder != NULL && now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, lotsen_file_error_from_errno (saved_errno),
                   /* Translators: %s is a folder name, then the reason. */
                   _("The folder %s cannot be created: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  name = g_date_time_format (now, "lotsen-%Y-%m-%d.db");
  path = g_build_filename (folder, name, NULL);

  if (!lotsen_backup_write (database, path, error))
    return NULL;

  /* The new backup is there: old ones left over are no harm. */
  if (!lotsen_backup_rotate (folder, LOTSEN_BACKUP_KEEP_DAILY, LOTSEN_BACKUP_KEEP_WEEKLY, &rotate_error))
    g_message ("Old backups in %s could not all be removed: %s", folder, rotate_error->message);

  return g_steal_pointer (&path);
}

typedef struct
{
  GDate  date;
  char  *name;
} DatedFile;

static void
dated_file_clear (gpointer data)
{
  g_free (((DatedFile *) data)->name);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return g_date_compare (&((const DatedFile *) b)->date, &((const DatedFile *) a)->date);
}

/* The ISO 8601 week of @date, as year * 100 + week. */
static int
iso_week (const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                  g_date_get_day (date), 12, 0, 0);

  return g_date_time_get_week_numbering_year (day) * 100 + g_date_time_get_week_of_year (day);
}

/**
 * lotsen_backup_rotate:
 * @folder: a folder of dated backups (`lotsen-YYYY-MM-DD.db`)
 * @keep_daily: how many of the newest backups to keep
 * @keep_weekly: of the older ones, for how many weeks to keep one each
 *
 * Keeps the @keep_daily newest backups, and of the backups older than
 * those the newest of each ISO week, for the @keep_weekly latest weeks
 * that have one; removes the other dated backups.  Any other file in
 * @folder is left alone.
 *
 * Returns: %TRUE when every backup that goes was removed
 */
gboolean
lotsen_backup_rotate (const char  *folder,
                      guint        keep_daily,
                      guint        keep_weekly,
                      GError     **error)
{
  g_autoptr(GArray) files = g_array_new (FALSE, FALSE, sizeof (DatedFile));
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint weeks_kept = 0;
  int last_week = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (folder != NULL, FALSE);

  g_array_set_clear_func (files, dated_file_clear);

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      DatedFile file;

      if (parse_backup_name (name, &file.date))
        {
          file.name = g_strdup (name);
          g_array_append_val (files, file);
        }
    }

  g_array_sort (files, compare_newest_first);

  for (guint i = keep_daily; i < files->len; i++)
    {
      DatedFile *file = &g_array_index (files, DatedFile, i);
      int week = iso_week (&file->date);
      g_autofree char *path = NULL;

      if (week != last_week && weeks_kept < keep_weekly)
        {
          last_week = week;
          weeks_kept++;
          continue;
        }
      last_week = week;

      path = g_build_filename (folder, file->name, NULL);
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          if (ok)
            g_set_error (error, G_IO_ERROR, lotsen_file_error_from_errno (saved_errno),
                         /* Translators: %s is a file name, then the reason. */
                         _("The old backup %s cannot be removed: %s"), path, g_strerror (saved_errno));
          ok = FALSE;
        }
    }

  return ok;
}

/* Keeps the damaged files of @database (and its WAL) as @kept_as. */
static gboolean
move_files_aside (const char  *database,
                  const char  *kept_as,
                  GError     **error)
{
  static const char * const companions[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (database, companions[i], NULL);
      g_autofree char *to = g_strconcat (kept_as, companions[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_FAILED,
                       /* Translators: %s is a file name, then the reason. */
                       _("The current database %s cannot be kept aside: %s"),
                       from, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/* A copy of the current database, or when it is damaged the file itself,
 * kept as <database>.before-restore-<time>. */
static gboolean
keep_current (const char  *database,
              char       **kept_as,
              GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *suffix = g_date_time_format (now, ".before-restore-%Y%m%dT%H%M%SZ");
  g_autofree char *path = g_strconcat (database, suffix, NULL);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!lotsen_backup_write (database, path, &local_error))
    {
      if (!g_error_matches (local_error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_INVALID) &&
          !g_error_matches (local_error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_TOO_NEW))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* Damaged or not a Lotsen database: nothing can be copied from it,
       * so the file itself goes aside and the backup makes a new one. */
      g_message ("%s; keeping the file itself aside", local_error->message);
      if (!move_files_aside (database, path, error))
        return FALSE;
    }

  if (kept_as != NULL)
    *kept_as = g_steal_pointer (&path);

  return TRUE;
}

/**
 * lotsen_backup_restore:
 * @database: the database to replace; need not exist
 * @backup: a backup made by lotsen_backup_write() (or any whole Lotsen
 *   database of this version or older)
 * @kept_as: (out) (optional) (nullable): where the current database was
 *   kept, %NULL when there was none
 *
 * Checks @backup (integrity, a Lotsen database, not newer than this
 * version), keeps the current database aside, then copies @backup into
 * @database in one transaction, under sqlite's locks: another program
 * with the database open sees the restored data on its next read.  An
 * older backup's schema is brought up to date when the store next opens
 * the database.
 *
 * Returns: %TRUE on success; else %FALSE with %LOTSEN_BACKUP_ERROR_INVALID
 *   or %LOTSEN_BACKUP_ERROR_TOO_NEW (nothing changed) when @backup cannot
 *   be used, or %LOTSEN_BACKUP_ERROR_FAILED
 */
gboolean
lotsen_backup_restore (const char  *database,
                       const char  *backup,
                       char       **kept_as,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (database != NULL && backup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kept_as != NULL)
    *kept_as = NULL;

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_INVALID,
                   /* Translators: %s is a file name. */
                   _("There is no backup file %s."), backup);
      return FALSE;
    }

  /* The check and the copy in one read transaction: what was checked is
   * what is copied. */
  source = open_database (backup, SQLITE_OPEN_READONLY, error);
  if (source == NULL)
    return FALSE;

  if (sqlite3_exec (source, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_INVALID,
                   _("The file %s cannot be read as a database: %s"), backup, sqlite3_errmsg (source));
      goto out;
    }

  if (!check_database (source, backup, error))
    goto out;

  dir = g_path_get_dirname (database);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LOTSEN_BACKUP_ERROR, LOTSEN_BACKUP_ERROR_FAILED,
                   _("The folder %s cannot be created: %s"), dir, g_strerror (saved_errno));
      goto out;
    }

  if (!keep_current (database, kept_as, error))
    goto out;

  dest = open_database (database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (dest == NULL || !copy_database (dest, source, backup, error))
    goto out;

  ok = TRUE;

out:
  sqlite3_close (dest);
  if (source != NULL)
    sqlite3_exec (source, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (source);

  return ok;
}

/* Is the file at @path a whole Lotsen database this version can use? */
static gboolean
is_usable_backup (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_database (path, SQLITE_OPEN_READONLY, &error);
  gboolean ok;

  if (db == NULL)
    {
      g_message ("The backup %s cannot be used: %s", path, error->message);
      return FALSE;
    }

  ok = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK &&
       check_database (db, path, &error);
  if (!ok)
    g_message ("The backup %s cannot be used: %s", path,
               error ? error->message : sqlite3_errmsg (db));
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);

  return ok;
}

/**
 * lotsen_backup_find_newest:
 * @folders: (element-type filename): folders of dated backups
 *   (`lotsen-YYYY-MM-DD.db`), as lotsen_backup_to_folder() writes them
 * @date: (out) (optional): the date of the backup found
 *
 * Finds the newest backup in any of @folders that
 * lotsen_backup_restore() would take: whole (integrity check), a Lotsen
 * database, not from a newer version.  Damaged or foreign files are
 * passed over for the next older one.  Of two backups of the same day
 * the one in the earlier folder is taken.
 *
 * Returns: (transfer full) (nullable): the backup's path, or %NULL when
 *   there is none that can be used
 */
char *
lotsen_backup_find_newest (GPtrArray *folders,
                           GDate     *date)
{
  g_autoptr(GArray) files = g_array_new (FALSE, FALSE, sizeof (DatedFile));

  g_return_val_if_fail (folders != NULL, NULL);

  g_array_set_clear_func (files, dated_file_clear);

  for (guint i = 0; i < folders->len; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (folders->pdata[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          DatedFile file;

          if (parse_backup_name (name, &file.date))
            {
              file.name = g_build_filename (folders->pdata[i], name, NULL);
              g_array_append_val (files, file);
            }
        }
    }

  /* A stable sort: the earlier folder first within a day. */
  g_array_sort (files, compare_newest_first);

  for (guint i = 0; i < files->len; i++)
    {
      DatedFile *file = &g_array_index (files, DatedFile, i);

      if (!g_file_test (file->name, G_FILE_TEST_IS_REGULAR) || !is_usable_backup (file->name))
        continue;

      if (date != NULL)
        *date = file->date;
      return g_strdup (file->name);
    }

  return NULL;
}

/**
 * lotsen_backup_record_result:
 * @file: (nullable): the backup written, when it was
 * @failure: (nullable): why there is no backup, when there is none
 *
 * Records the time (the store's clock) and result of the last backup in
 * the setting table, for the staff panel.
 *
 * Returns: %TRUE when recorded
 */
gboolean
lotsen_backup_record_result (LotsenStore   *store,
                             const char    *file,
                             const GError  *failure,
                             GError       **error)
{
  g_autofree char *at = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail ((file == NULL) != (failure == NULL), FALSE);

  at = g_strdup_printf ("%" G_GINT64_FORMAT, lotsen_store_now (store));

  if (!lotsen_store_begin (store, error))
    return FALSE;

  if (!lotsen_store_set_setting (store, "backup_last_at", at, error) ||
      !lotsen_store_set_setting (store, "backup_last_file", file ? file : "", error) ||
      !lotsen_store_set_setting (store, "backup_last_error", failure ? failure->message : "", error))
    {
      lotsen_store_rollback (store);
      return FALSE;
    }

  return lotsen_store_commit (store, error);
}

/**
 * lotsen_backup_get_last:
 * @at: (out): when the last backup was tried (unix seconds)
 * @file: (out) (optional) (nullable): the file it wrote, %NULL if it failed
 * @failure: (out) (optional) (nullable): why it failed, %NULL if it did not
 *
 * Returns: %FALSE when no backup was ever recorded
 */
gboolean
lotsen_backup_get_last (LotsenStore  *store,
                        gint64       *at,
                        char        **file,
                        char        **failure)
{
  g_autofree char *when = NULL;
  g_autofree char *written = NULL;
  g_autofree char *why = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  when = lotsen_store_get_setting (store, "backup_last_at");
  if (when == NULL || !g_ascii_string_to_signed (when, 10, 0, G_MAXINT64, at, NULL))
    return FALSE;

  written = lotsen_store_get_setting (store, "backup_last_file");
  why = lotsen_store_get_setting (store, "backup_last_error");

  if (file != NULL)
    *file = written != NULL && *written != '\0' ? g_steal_pointer (&written) : NULL;
  if (failure != NULL)
    *failure = why != NULL && *why != '\0' ? g_steal_pointer (&why) : NULL;

  return TRUE;
}

/**
 * lotsen_backup_is_due:
 * @now: the local time now (the site's time zone)
 * @hour: the local hour from which the day's backup is made
 *
 * The nightly backup is due once a day from @hour on: when no backup was
 * tried yet on @now's local day (a kiosk switched off at night backs up
 * when it is next on after that hour).
 *
 * Returns: %TRUE when a backup should be made now
 */
gboolean
lotsen_backup_is_due (LotsenStore *store,
                      GDateTime   *now,
                      guint        hour)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) last = NULL;
  gint64 at;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if ((guint) g_date_time_get_hour (now) < hour)
    return FALSE;

  if (!lotsen_backup_get_last (store, &at, NULL, NULL))
    return TRUE;

  utc = g_date_time_new_from_unix_utc (at);
  last = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));

  return g_date_time_get_year (last) != g_date_time_get_year (now) ||
         g_date_time_get_day_of_year (last) != g_date_time_get_day_of_year (now);
}

typedef struct
{
  char      *database;
  GPtrArray *folders;
  GDateTime *now;
} BackupRun;

static void
backup_run_free (gpointer data)
{
  BackupRun *run = data;

  g_free (run->database);
  g_ptr_array_unref (run->folders);
  g_date_time_unref (run->now);
  g_free (run);
}

static void
backup_run_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  BackupRun *run = task_data;
  g_autofree char *first = NULL;
  g_autoptr(GError) first_error = NULL;

  for (guint i = 0; i < run->folders->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *written = lotsen_backup_to_folder (run->database, run->folders->pdata[i], run->now, &error);

      if (written == NULL)
        {
          g_message ("Backup to %s: %s", (const char *) run->folders->pdata[i], error->message);
          if (first_error == NULL)
            first_error = g_steal_pointer (&error);
        }
      else if (first == NULL)
        first = g_steal_pointer (&written);
    }

  /* Any folder that failed makes the run a failure staff hear about. */
  if (first_error != NULL)
    g_task_return_error (task, g_steal_pointer (&first_error));
  else
    g_task_return_pointer (task, g_steal_pointer (&first), g_free);
}

/**
 * lotsen_backup_run_async:
 * @database: the database file
 * @folders: (element-type filename): the folders to back up to; the
 *   first is the kiosk's own
 * @now: the local time, whose date names the backups
 *
 * Runs lotsen_backup_to_folder() for each of @folders in a worker thread;
 * the kiosk goes on with its own connection meanwhile.
 */
void
lotsen_backup_run_async (const char          *database,
                         GPtrArray           *folders,
                         GDateTime           *now,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupRun *run;

  g_return_if_fail (database != NULL && folders != NULL && folders->len > 0 && now != NULL);

  run = g_new0 (BackupRun, 1);
  run->database = g_strdup (database);
  run->folders = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < folders->len; i++)
    g_ptr_array_add (run->folders, g_strdup (folders->pdata[i]));
  run->now = g_date_time_ref (now);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lotsen_backup_run_async);
  g_task_set_task_data (task, run, backup_run_free);
  g_task_run_in_thread (task, backup_run_thread);
}

/**
 * lotsen_backup_run_finish:
 *
 * Returns: (transfer full): the backup written to the first folder, or
 *   %NULL with @error set when any folder failed
 */
char *
lotsen_backup_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
