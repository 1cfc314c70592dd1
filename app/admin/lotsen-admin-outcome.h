/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-store.h"

G_BEGIN_DECLS

gboolean lotsen_admin_outcome_set    (LotsenStore  *store,
                                      const char   *code,
                                      const char   *kind,
                                      const char   *date,
                                      const char   *note,
                                      GError      **error);
gboolean lotsen_admin_outcome_remove (LotsenStore  *store,
                                      const char   *code,
                                      const char   *kind,
                                      GError      **error);
gboolean lotsen_admin_outcome_list   (LotsenStore  *store,
                                      gboolean      due,
                                      const char   *output,
                                      GError      **error);

G_END_DECLS
