/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the reliability tests: lotsen-admin and other programs run as
 * child processes, several at once, and what the database holds after. */
#pragma once

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <sqlite3.h>

typedef struct
{
  GPid  pid;
  int   out_fd;
  int   status;     /* the exit status, or 128 + the signal */
  char *out;
} Child;

static inline void
child_clear (Child *child)
{
  if (child->out_fd >= 0)
    close (child->out_fd);
  child->out_fd = -1;
  g_clear_pointer (&child->out, g_free);
}

/* Starts @argv with its standard output on a pipe, its errors on ours;
 * @setup runs in the child before it executes. */
static inline void
child_start_with_setup (Child                *child,
                        const char          **argv,
                        GSpawnChildSetupFunc  setup)
{
  g_autoptr(GError) error = NULL;

  child->out = NULL;
  child->out_fd = -1;
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, setup, NULL,
                            &child->pid, NULL, &child->out_fd, NULL, &error);
  g_assert_no_error (error);
}

static inline void
child_start (Child       *child,
             const char **argv)
{
  child_start_with_setup (child, argv, NULL);
}

/* Reads what the child printed until it closes its output, then reaps it. */
static inline void
child_finish (Child *child)
{
  GString *out = g_string_new (NULL);
  char buffer[4096];
  ssize_t n;
  int wait_status;

  while ((n = read (child->out_fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          g_assert_cmpint (errno, ==, EINTR);
          continue;
        }
      g_string_append_len (out, buffer, n);
    }
  close (child->out_fd);
  child->out_fd = -1;

  g_assert_cmpint (waitpid (child->pid, &wait_status, 0), ==, child->pid);
  g_spawn_close_pid (child->pid);
  child->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128 + WTERMSIG (wait_status);
  child->out = g_string_free (out, FALSE);
}

/* The first column of the first row of @sql, or -1 when it cannot be read. */
static inline gint64
database_int (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The first column of every row of @sql, joined by newlines; "" when none. */
static inline char *
database_text (const char *path,
               const char *sql)
{
  GString *text = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                              (const char *) sqlite3_column_text (stmt, 0));
  else
    g_string_append (text, db ? sqlite3_errmsg (db) : "cannot open");

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}
