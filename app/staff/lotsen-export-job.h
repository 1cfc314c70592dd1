/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lotsen-store.h"

G_BEGIN_DECLS

/* One export: what the worker thread needs, and what it found. */
typedef struct
{
  char        *db_path;
  LotsenClock *clock;
  char        *dataset;
  char        *format;
  gint64       from;
  gint64       to;
  char        *folder;
  char        *name;          /* the file name without its extension */
  gboolean     store_failed;
  char        *path;          /* the file written */
  guint64      rows;
} LotsenExportJob;

LotsenExportJob *lotsen_export_job_new            (LotsenStore            *store,
                                                   const char             *dataset,
                                                   const char             *format,
                                                   const char             *period,
                                                   const char             *folder);
void             lotsen_export_job_free           (LotsenExportJob        *job);
void             lotsen_export_job_run            (LotsenExportJob        *job,
                                                   gpointer                source_object,
                                                   GCancellable           *cancellable,
                                                   GAsyncReadyCallback     callback,
                                                   gpointer                user_data);
LotsenExportJob *lotsen_export_job_finish         (GAsyncResult           *result,
                                                   GError                **error);
const char      *lotsen_export_job_explain        (const LotsenExportJob  *job,
                                                   const GError           *error);
char            *lotsen_export_job_compute_period (LotsenStore            *store,
                                                   const char             *period,
                                                   gint64                 *from,
                                                   gint64                 *to);

G_END_DECLS
