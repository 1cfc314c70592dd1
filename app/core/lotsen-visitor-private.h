/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by lotsen-visitor.c and lotsen-visitor-fields.c only. */
#pragma once

#include "lotsen-store-private.h"
#include "lotsen-visitor.h"

G_BEGIN_DECLS

static inline gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID, message);
  return FALSE;
}

G_END_DECLS
