/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_KEYBOARD (lotsen_keyboard_get_type ())
G_DECLARE_FINAL_TYPE (LotsenKeyboard, lotsen_keyboard, LOTSEN, KEYBOARD, GtkWidget)

GtkWidget   *lotsen_keyboard_new                     (void);
GtkEditable *lotsen_keyboard_get_target              (LotsenKeyboard *self);
void         lotsen_keyboard_set_target              (LotsenKeyboard *self,
                                                      GtkEditable    *target);
const char  *lotsen_keyboard_get_layout              (LotsenKeyboard *self);
void         lotsen_keyboard_set_layout              (LotsenKeyboard *self,
                                                      const char     *layout);
gboolean     lotsen_keyboard_has_layout              (const char     *layout);
void         lotsen_keyboard_set_layout_for_language (LotsenKeyboard *self,
                                                      const char     *language_code);

G_END_DECLS
