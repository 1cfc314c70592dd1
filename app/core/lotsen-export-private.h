/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the export's writers only. */
#pragma once

#include "lotsen-dataset.h"
#include "lotsen-export.h"
#include "lotsen-store-private.h"

G_BEGIN_DECLS

/* Times in CSV and JSONL, and where XLSX cannot show a date. */
#define ISO_8601    "%Y-%m-%dT%H:%M:%S%:z"
/* U+FFFD, for what a format cannot hold. */
#define REPLACEMENT "\xEF\xBF\xBD"

/* The unix seconds GDateTime can show: years 1 to 9999. */
#define MIN_TIME LOTSEN_TIME_MIN
#define MAX_TIME LOTSEN_TIME_MAX

sqlite3_stmt *lotsen_export_prepare_rows (LotsenStore                *store,
                                          LotsenExportDataset         dataset,
                                          const LotsenExportOptions  *options,
                                          GError                    **error);
char         *lotsen_export_column_utf8  (sqlite3_stmt               *stmt,
                                          int                         column);

G_END_DECLS
