/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-stats.h"

G_BEGIN_DECLS

gboolean lotsen_report_pdf_to_file (LotsenStore         *store,
                                    const LotsenReport  *report,
                                    const char          *path,
                                    GError             **error);

G_END_DECLS
