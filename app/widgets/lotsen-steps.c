/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-steps.c — forms asked one step at a time (registering, signing
 * up).  Only the step on screen is shown at all, so a screen reader finds
 * just that step, and the fields of the other steps are emptied, so no
 * typed name or number waits in a widget the visitor has left. */

#include "config.h"

#include "lotsen-steps.h"

/**
 * lotsen_steps_show:
 * @steps: a #GtkStack of steps, without transitions
 * @name: the step to show
 *
 * Shows the step called @name and hides every other one.
 */
void
lotsen_steps_show (GtkStack   *steps,
                   const char *name)
{
  GtkWidget *current;

  g_return_if_fail (GTK_IS_STACK (steps));

  current = gtk_stack_get_child_by_name (steps, name);
  g_return_if_fail (current != NULL);

  gtk_widget_set_visible (current, TRUE);
  gtk_stack_set_visible_child (steps, current);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (steps));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, child == current);
}

/**
 * lotsen_steps_fill_entry:
 * @text: (nullable): the text, or %NULL to empty @entry
 * @changed_cb: the handler that writes @entry's text back, held off meanwhile
 *
 * Puts @text in @entry without writing it back where it came from.
 */
void
lotsen_steps_fill_entry (GtkEntry   *entry,
                         const char *text,
                         GCallback   changed_cb,
                         gpointer    user_data)
{
  g_return_if_fail (GTK_IS_ENTRY (entry));

  g_signal_handlers_block_by_func (entry, changed_cb, user_data);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  g_signal_handlers_unblock_by_func (entry, changed_cb, user_data);
}
