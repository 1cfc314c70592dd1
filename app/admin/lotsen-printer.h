/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean lotsen_printer_print        (const char           *queue,
                                      GBytes               *pdf,
                                      const char           *title,
                                      GError              **error);
void     lotsen_printer_print_async  (const char           *queue,
                                      GBytes               *pdf,
                                      const char           *title,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean lotsen_printer_print_finish (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
