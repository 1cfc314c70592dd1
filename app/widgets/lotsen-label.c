/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-label.c — the lines of text on the kiosk's cards, and the
 * messages beside a form's fields. */

#include "config.h"

#include "lotsen-label.h"

/**
 * lotsen_label_append:
 * @box: a #GtkBox
 * @text: what the line says
 * @css_class: (nullable): its style
 *
 * Adds a line of text to @box that starts at the reading direction's
 * start and wraps between words (inside a word only when a word alone is
 * wider than the card, such as a long phone number or e-mail address).
 *
 * Returns: (transfer none): the label
 */
GtkWidget *
lotsen_label_append (GtkWidget  *box,
                     const char *text,
                     const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

/**
 * lotsen_label_set_message:
 * @label: a label that is shown only while it has something to say
 * @message: (nullable): what it says, or %NULL to hide it
 */
void
lotsen_label_set_message (GtkLabel   *label,
                          const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}
