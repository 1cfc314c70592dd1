/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the core's own modules only: widgets never see SQL. */
#pragma once

#include <sqlite3.h>

#include "lotsen-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *lotsen_store_get_db      (LotsenStore  *self);
sqlite3_stmt *lotsen_store_prepare     (LotsenStore  *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      lotsen_store_exec        (LotsenStore  *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      lotsen_store_begin       (LotsenStore  *self,
                                        GError      **error);
gboolean      lotsen_store_commit      (LotsenStore  *self,
                                        GError      **error);
void          lotsen_store_rollback    (LotsenStore  *self);
gboolean      lotsen_store_step_done   (LotsenStore  *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
void          lotsen_store_set_error   (LotsenStore  *self,
                                        GError      **error);
char         *lotsen_store_column_text (sqlite3_stmt *stmt,
                                        int           column);
char         *lotsen_store_new_uuid    (void);
gint64        lotsen_store_now         (LotsenStore  *self);

G_END_DECLS
