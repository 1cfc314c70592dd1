/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-interpreter.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_LANGUAGE_GRID (lotsen_language_grid_get_type ())
G_DECLARE_FINAL_TYPE (LotsenLanguageGrid, lotsen_language_grid, LOTSEN, LANGUAGE_GRID, GtkWidget)

GtkWidget *lotsen_language_grid_new      (void);
GtkWidget *lotsen_interpreter_button_new (const LotsenInterpreterLanguage *language,
                                          const char                      *action);

G_END_DECLS
