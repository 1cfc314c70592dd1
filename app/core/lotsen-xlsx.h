/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "lotsen-export.h"

G_BEGIN_DECLS

lxw_workbook *lotsen_export_xlsx_new       (const char                 *path);
gboolean      lotsen_export_xlsx_check     (int                         result,
                                            GError                    **error);
gboolean      lotsen_xlsx_write_text       (lxw_worksheet              *sheet,
                                            lxw_row_t                   row,
                                            lxw_col_t                   col,
                                            const char                 *text,
                                            lxw_format                 *format,
                                            guint                      *width,
                                            GError                    **error);
void          lotsen_xlsx_hold_stderr      (void);
void          lotsen_xlsx_release_stderr   (void);
gboolean      lotsen_xlsx_write_workbook   (LotsenStore                *store,
                                            const LotsenExportDataset  *sets,
                                            guint                       n_sets,
                                            const LotsenExportOptions  *options,
                                            const char                 *path,
                                            guint64                    *n_rows,
                                            GError                    **error);

G_END_DECLS
