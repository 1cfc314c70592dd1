/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-pin-page.c — the staff PIN on a number pad.  The digits tapped
 * live in the window and show only as dots; this page shows what the
 * window tells it (enter the PIN, choose a new one, repeat it). */

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-pin-page.h"
#include "lotsen-staff.h"
#include "lotsen-tile.h"

struct _LotsenPinPage
{
  GtkWidget  parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *dots_label;
  GtkLabel  *message_label;
  GtkGrid   *keypad;
  GtkWidget *ok_button;
};

G_DEFINE_FINAL_TYPE (LotsenPinPage, lotsen_pin_page, GTK_TYPE_WIDGET)

static void
lotsen_pin_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_PIN_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_pin_page_parent_class)->dispose (object);
}

static void
lotsen_pin_page_class_init (LotsenPinPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_pin_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-pin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenPinPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenPinPage, dots_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenPinPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenPinPage, keypad);
  gtk_widget_class_bind_template_child (widget_class, LotsenPinPage, ok_button);
}

static GtkWidget *
new_key (const char *label,
         const char *icon_name)
{
  GtkWidget *key = icon_name ? gtk_button_new_from_icon_name (icon_name) : gtk_button_new_with_label (label);

  gtk_widget_add_css_class (key, "key");
  gtk_widget_add_css_class (key, "code-key");
  gtk_widget_set_focus_on_click (key, FALSE);
  return key;
}

static void
lotsen_pin_page_init (LotsenPinPage *self)
{
  static const char * const digits = "123456789";
  GtkWidget *zero, *delete;

  g_type_ensure (LOTSEN_TYPE_TILE);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A phone's number pad, the same in every language. */
  gtk_widget_set_direction (GTK_WIDGET (self->keypad), GTK_TEXT_DIR_LTR);

  for (int i = 0; digits[i] != '\0'; i++)
    {
      char digit[2] = { digits[i], '\0' };
      GtkWidget *key = new_key (digit, NULL);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (key), "win.pin-key");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (key), "s", digit);
      gtk_grid_attach (self->keypad, key, i % 3, i / 3, 1, 1);
    }

  zero = new_key ("0", NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (zero), "win.pin-key");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (zero), "s", "0");
  gtk_grid_attach (self->keypad, zero, 1, 3, 1, 1);

  delete = new_key (NULL, "edit-clear-symbolic");
  /* Deletes to the left, as the digits run, in every language. */
  gtk_widget_set_direction (gtk_button_get_child (GTK_BUTTON (delete)), GTK_TEXT_DIR_LTR);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "win.pin-delete");
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
  gtk_grid_attach (self->keypad, delete, 2, 3, 1, 1);
}

GtkWidget *
lotsen_pin_page_new (void)
{
  return g_object_new (LOTSEN_TYPE_PIN_PAGE, NULL);
}

/**
 * lotsen_pin_page_set:
 * @title: what to do, already translated
 * @typed: how many digits are tapped (shown as dots)
 * @message: (nullable): what went wrong, already translated
 * @locked: whether staff mode is locked after wrong PINs
 */
void
lotsen_pin_page_set (LotsenPinPage *self,
                     const char    *title,
                     guint          typed,
                     const char    *message,
                     gboolean       locked)
{
  GString *dots = g_string_new (NULL);

  g_return_if_fail (LOTSEN_IS_PIN_PAGE (self));

  for (guint i = 0; i < MAX (typed, LOTSEN_STAFF_PIN_MIN_DIGITS); i++)
    g_string_append (dots, i < typed ? (i ? " ●" : "●") : (i ? " _" : "_"));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->dots_label, dots->str);
  g_string_free (dots, TRUE);

  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->keypad), !locked);
  gtk_widget_set_sensitive (self->ok_button, !locked && typed >= LOTSEN_STAFF_PIN_MIN_DIGITS);
}
