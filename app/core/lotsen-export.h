/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lotsen-store.h"

G_BEGIN_DECLS

typedef enum {
  LOTSEN_EXPORT_VISITORS,
  LOTSEN_EXPORT_TICKETS,
  LOTSEN_EXPORT_SIGNUPS,
  LOTSEN_EXPORT_ACTIVITIES, /* one row per session */
} LotsenExportDataset;

typedef enum {
  LOTSEN_EXPORT_CSV,   /* RFC 4180, UTF-8 with a BOM, for spreadsheets */
  LOTSEN_EXPORT_JSONL, /* one JSON object per line, for other systems */
  LOTSEN_EXPORT_XLSX,  /* an Excel workbook, one sheet per data set; files only */
  LOTSEN_EXPORT_ICS,   /* iCalendar (RFC 5545), activities only */
} LotsenExportFormat;

/* All-zero (or a %NULL pointer) means: ';' between fields, every row. */
typedef struct
{
  char   separator; /* CSV only: ';' (the default, for Swedish Excel) or ',' */
  gint64 from;      /* unix seconds, inclusive; 0: no lower bound */
  gint64 to;        /* unix seconds, exclusive; 0: no upper bound */
} LotsenExportOptions;

gboolean    lotsen_export_dataset_from_string (const char                 *name,
                                               LotsenExportDataset        *dataset,
                                               GError                    **error);
const char *lotsen_export_dataset_to_string   (LotsenExportDataset         dataset);
gboolean    lotsen_export_format_from_string  (const char                 *name,
                                               LotsenExportFormat         *format,
                                               GError                    **error);
const char *lotsen_export_format_to_string    (LotsenExportFormat          format);

gboolean    lotsen_export_write               (LotsenStore                *store,
                                               LotsenExportDataset         dataset,
                                               LotsenExportFormat          format,
                                               const LotsenExportOptions  *options,
                                               GOutputStream              *out,
                                               guint64                    *n_rows,
                                               GError                    **error);
gboolean    lotsen_export_to_file             (LotsenStore                *store,
                                               LotsenExportDataset         dataset,
                                               LotsenExportFormat          format,
                                               const LotsenExportOptions  *options,
                                               const char                 *path,
                                               guint64                    *n_rows,
                                               GError                    **error);
gboolean    lotsen_export_workbook_to_file    (LotsenStore                *store,
                                               const LotsenExportDataset  *sets,
                                               guint                       n_sets,
                                               const LotsenExportOptions  *options,
                                               const char                 *path,
                                               guint64                    *n_rows,
                                               GError                    **error);

G_END_DECLS
