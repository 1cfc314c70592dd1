/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lotsen-store.h"

G_BEGIN_DECLS

#define LOTSEN_BACKUP_ERROR (lotsen_backup_error_quark ())

typedef enum {
  LOTSEN_BACKUP_ERROR_INVALID,  /* the file to restore is missing, damaged or not a Lotsen database */
  LOTSEN_BACKUP_ERROR_TOO_NEW,  /* the file to restore was made by a newer Lotsen */
  LOTSEN_BACKUP_ERROR_FAILED,   /* the database or the copy could not be read or written */
} LotsenBackupError;

/* How many copies lotsen_backup_rotate() keeps by default. */
#define LOTSEN_BACKUP_KEEP_DAILY  7
#define LOTSEN_BACKUP_KEEP_WEEKLY 4

GQuark    lotsen_backup_error_quark    (void);

gboolean  lotsen_backup_write          (const char    *database,
                                        const char    *output,
                                        GError       **error);
char     *lotsen_backup_to_folder      (const char    *database,
                                        const char    *folder,
                                        GDateTime     *now,
                                        GError       **error);
gboolean  lotsen_backup_rotate         (const char    *folder,
                                        guint          keep_daily,
                                        guint          keep_weekly,
                                        GError       **error);
gboolean  lotsen_backup_restore        (const char    *database,
                                        const char    *backup,
                                        char         **kept_as,
                                        GError       **error);

char     *lotsen_backup_find_newest    (GPtrArray     *folders,
                                        GDate         *date);

gboolean  lotsen_backup_record_result  (LotsenStore   *store,
                                        const char    *file,
                                        const GError  *failure,
                                        GError       **error);
gboolean  lotsen_backup_get_last       (LotsenStore   *store,
                                        gint64        *at,
                                        char         **file,
                                        char         **failure);
gboolean  lotsen_backup_is_due         (LotsenStore   *store,
                                        GDateTime     *now,
                                        guint          hour);

void      lotsen_backup_run_async      (const char           *database,
                                        GPtrArray            *folders,
                                        GDateTime            *now,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char     *lotsen_backup_run_finish     (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
