/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-store.h"

G_BEGIN_DECLS

gboolean lotsen_demo_seed (LotsenStore  *store,
                           GError      **error);

G_END_DECLS
