/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "lotsen-export.h"

G_BEGIN_DECLS

lxw_workbook *lotsen_export_xlsx_new       (const char                 *path);
char         *lotsen_export_xlsx_cell_text (const char                 *text);
gboolean      lotsen_export_xlsx_check     (int                         result,
                                            GError                    **error);
gboolean      lotsen_xlsx_write_workbook   (LotsenStore                *store,
                                            const LotsenExportDataset  *sets,
                                            guint                       n_sets,
                                            const LotsenExportOptions  *options,
                                            const char                 *path,
                                            guint64                    *n_rows,
                                            GError                    **error);

G_END_DECLS
