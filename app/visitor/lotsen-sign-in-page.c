/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-sign-in-page.c — "I have a code": a keypad with just the code's
 * letters and digits, so nothing can be mistyped that a code cannot hold.
 * What was tapped lives in the window; this page only shows it. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lotsen-sign-in-page.h"
#include "lotsen-tile.h"
#include "lotsen-visitor.h"

struct _LotsenSignInPage
{
  GtkWidget   parent_instance;

  GtkLabel   *code_label;
  GtkLabel   *message_label;
  GtkFlowBox *keypad;
  GtkWidget  *ok_button;
};

G_DEFINE_FINAL_TYPE (LotsenSignInPage, lotsen_sign_in_page, GTK_TYPE_WIDGET)

static void
lotsen_sign_in_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_SIGN_IN_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_sign_in_page_parent_class)->dispose (object);
}

static void
lotsen_sign_in_page_class_init (LotsenSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_sign_in_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenSignInPage, code_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignInPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignInPage, keypad);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignInPage, ok_button);
}

static void
add_key (LotsenSignInPage *self,
         GtkWidget        *key)
{
  gtk_widget_add_css_class (key, "key");
  gtk_widget_add_css_class (key, "code-key");
  gtk_flow_box_append (self->keypad, key);
  gtk_widget_set_focusable (gtk_widget_get_parent (key), FALSE);
}

static void
lotsen_sign_in_page_init (LotsenSignInPage *self)
{
  static const char alphabet[] = LOTSEN_CODE_ALPHABET;
  GtkWidget *delete;

  g_type_ensure (LOTSEN_TYPE_TILE);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Codes are Latin letters and digits, left to right, in every language. */
  gtk_widget_set_direction (GTK_WIDGET (self->keypad), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->code_label), GTK_TEXT_DIR_LTR);

  for (guint i = 0; i < sizeof alphabet - 1; i++)
    {
      char letter[2] = { alphabet[i], '\0' };
      GtkWidget *key = gtk_button_new_with_label (letter);

      gtk_widget_set_name (key, letter);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (key), "win.code-key");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (key), "s", letter);
      gtk_accessible_update_property (GTK_ACCESSIBLE (key), GTK_ACCESSIBLE_PROPERTY_LABEL, letter, -1);
      add_key (self, key);
    }

  delete = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  /* Deletes to the left, as the code runs, in every language. */
  gtk_widget_set_direction (gtk_button_get_child (GTK_BUTTON (delete)), GTK_TEXT_DIR_LTR);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "win.code-delete");
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
  add_key (self, delete);
}

GtkWidget *
lotsen_sign_in_page_new (void)
{
  return g_object_new (LOTSEN_TYPE_SIGN_IN_PAGE, NULL);
}

/**
 * lotsen_sign_in_page_set:
 * @typed: what the visitor has tapped so far
 * @message: (nullable): what went wrong, already translated
 * @paused: whether the keypad rests after too many wrong codes
 */
void
lotsen_sign_in_page_set (LotsenSignInPage *self,
                         const char       *typed,
                         const char       *message,
                         gboolean          paused)
{
  GString *shown = g_string_new (NULL);
  gsize length = strlen (typed);

  g_return_if_fail (LOTSEN_IS_SIGN_IN_PAGE (self));

  /* "K 7 _ _": what is typed, then a place for each letter still to come. */
  for (gsize i = 0; i < MAX (length, LOTSEN_CODE_MIN_LENGTH); i++)
    g_string_append_printf (shown, "%s%c", i ? " " : "", i < length ? typed[i] : '_');
  gtk_label_set_text (self->code_label, shown->str);
  g_string_free (shown, TRUE);

  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->keypad), !paused);
  gtk_widget_set_sensitive (self->ok_button, !paused && length >= LOTSEN_CODE_MIN_LENGTH);
}
