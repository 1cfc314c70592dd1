/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lotsen-export.h"
#include "lotsen-store.h"

G_BEGIN_DECLS

#define LOTSEN_IMPORT_ERROR (lotsen_import_error_quark ())

typedef enum {
  LOTSEN_IMPORT_ERROR_READ,      /* no longer set: a file that cannot be read is a G_IO_ERROR */
  LOTSEN_IMPORT_ERROR_NOT_JSONL, /* not one line of it is a JSON object */
} LotsenImportError;

#define LOTSEN_IMPORT_N_DATASETS (LOTSEN_EXPORT_ACTIVITIES + 1)

/* What an import did; the counts are indexed by #LotsenExportDataset
 * (activities: one per session).  Clear with lotsen_import_report_clear(). */
typedef struct
{
  guint64    n_lines;                             /* lines read, blank ones too */
  guint64    n_added[LOTSEN_IMPORT_N_DATASETS];   /* new rows */
  guint64    n_updated[LOTSEN_IMPORT_N_DATASETS]; /* sign-ups changed later on the other kiosk */
  guint64    n_present[LOTSEN_IMPORT_N_DATASETS]; /* already here, left as they were */
  guint64    n_codes_dropped;                     /* visitors added without their code, taken here */
  guint64    n_batches;                           /* transactions committed */
  guint64    n_placed;                            /* lines kept by earlier imports, placed now */
  guint64    n_linked;                            /* rows of earlier imports linked to their visitor now */
  guint64    n_waiting;                           /* lines still kept: their session is not here */
  guint64    n_unlinked;                          /* rows still without their visitor, who is not here */
  GArray    *skipped_lines;                       /* guint64: the skipped lines' numbers, from 1 */
  GPtrArray *skipped;                             /* char *: "Line N: reason", translated */
  GPtrArray *changed;                             /* char *: "Line N: what was changed", for a line
                                                   * applied otherwise than it came (a full
                                                   * session, a ticket number taken here) */
} LotsenImportReport;

GQuark   lotsen_import_error_quark         (void);

gboolean lotsen_import_jsonl               (LotsenStore         *store,
                                            GInputStream        *in,
                                            LotsenImportReport  *report,
                                            GError             **error);
gboolean lotsen_import_jsonl_file          (LotsenStore         *store,
                                            const char          *path,
                                            LotsenImportReport  *report,
                                            GError             **error);

guint64  lotsen_import_report_get_added    (const LotsenImportReport *report);
guint64  lotsen_import_report_get_present  (const LotsenImportReport *report);
void     lotsen_import_report_clear        (LotsenImportReport       *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LotsenImportReport, lotsen_import_report_clear)

G_END_DECLS
