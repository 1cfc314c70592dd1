/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-idle-warning.c — the time limit on screen: "Are you still
 * there?" over everything, with one big button and the seconds left.
 *
 * It shows itself while its idle monitor warns, as an alert a screen
 * reader announces, and takes the focus; "win.still-here" answers it.
 * While it is in a window it tells the monitor of every activation there,
 * whatever its source: a pointer, a touch or a key (seen by the window
 * before any widget), or a button or field worked through the
 * accessibility bus or a switch device, which sends no input event.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lotsen-idle-warning.h"
#include "lotsen-presence.h"

struct _LotsenIdleWarning
{
  GtkWidget          parent_instance;

  LotsenIdleMonitor  *monitor;
  GtkWidget          *status;
  GtkLabel           *countdown;

  GtkEventController *input;         /* on the window, while in one */
  gulong              clicked_hook;
  gulong              changed_hook;
};

G_DEFINE_FINAL_TYPE (LotsenIdleWarning, lotsen_idle_warning, GTK_TYPE_WIDGET)

static void
update (LotsenIdleWarning *self)
{
  gboolean warning = lotsen_idle_monitor_get_warning (self->monitor);
  guint left = lotsen_idle_monitor_get_seconds_left (self->monitor);

  if (warning)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Everything will be cleared in %d second.",
                                                         "Everything will be cleared in %d seconds.",
                                                         left),
                                               (int) left);
      gtk_label_set_text (self->countdown, text);
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self)) == warning)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self), warning);
  if (warning)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
activation_hook_cb (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  LotsenIdleWarning *self = user_data;
  GObject *instance = g_value_get_object (&values[0]);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && GTK_IS_WIDGET (instance) && gtk_widget_get_root (GTK_WIDGET (instance)) == root)
    lotsen_idle_monitor_note_activity (self->monitor);

  return TRUE;
}

static gboolean
presence_cb (gpointer user_data)
{
  LotsenIdleWarning *self = user_data;

  lotsen_idle_monitor_note_activity (self->monitor);
  return GDK_EVENT_PROPAGATE;
}

static void
lotsen_idle_warning_root (GtkWidget *widget)
{
  LotsenIdleWarning *self = LOTSEN_IDLE_WARNING (widget);

  GTK_WIDGET_CLASS (lotsen_idle_warning_parent_class)->root (widget);

  self->input = lotsen_presence_watch (GTK_WIDGET (gtk_widget_get_root (widget)), presence_cb, self);

  self->clicked_hook = g_signal_add_emission_hook (g_signal_lookup ("clicked", GTK_TYPE_BUTTON), 0,
                                                   activation_hook_cb, self, NULL);
  self->changed_hook = g_signal_add_emission_hook (g_signal_lookup ("changed", GTK_TYPE_EDITABLE), 0,
                                                   activation_hook_cb, self, NULL);
}

static void
lotsen_idle_warning_unroot (GtkWidget *widget)
{
  LotsenIdleWarning *self = LOTSEN_IDLE_WARNING (widget);

  g_signal_remove_emission_hook (g_signal_lookup ("clicked", GTK_TYPE_BUTTON), self->clicked_hook);
  g_signal_remove_emission_hook (g_signal_lookup ("changed", GTK_TYPE_EDITABLE), self->changed_hook);
  self->clicked_hook = self->changed_hook = 0;
  gtk_widget_remove_controller (GTK_WIDGET (gtk_widget_get_root (widget)), g_steal_pointer (&self->input));

  GTK_WIDGET_CLASS (lotsen_idle_warning_parent_class)->unroot (widget);
}

static void
lotsen_idle_warning_dispose (GObject *object)
{
  LotsenIdleWarning *self = LOTSEN_IDLE_WARNING (object);

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->status, gtk_widget_unparent);

  G_OBJECT_CLASS (lotsen_idle_warning_parent_class)->dispose (object);
}

static void
lotsen_idle_warning_class_init (LotsenIdleWarningClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_idle_warning_dispose;
  widget_class->root = lotsen_idle_warning_root;
  widget_class->unroot = lotsen_idle_warning_unroot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
lotsen_idle_warning_init (LotsenIdleWarning *self)
{
  /* The signals to watch exist once their classes do. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_BUTTON));
  g_type_default_interface_unref (g_type_default_interface_ref (GTK_TYPE_EDITABLE));

  GtkWidget *button = gtk_button_new_with_label (_("Yes, I am still here"));
  GtkWidget *countdown = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_TIMER, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 32);

  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "lotsen-soon-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("Are you still there?"));

  gtk_label_set_wrap (GTK_LABEL (countdown), TRUE);
  gtk_label_set_justify (GTK_LABEL (countdown), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (countdown, "page-subtitle");
  self->countdown = GTK_LABEL (countdown);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.still-here");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "big-button");
  gtk_widget_add_css_class (button, "suggested-action");

  gtk_box_append (GTK_BOX (box), countdown);
  gtk_box_append (GTK_BOX (box), button);
  adw_status_page_set_child (ADW_STATUS_PAGE (self->status), box);
  gtk_widget_set_parent (self->status, GTK_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "idle-warning");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * lotsen_idle_warning_new:
 * @monitor: what says when to warn, and how many seconds are left
 */
GtkWidget *
lotsen_idle_warning_new (LotsenIdleMonitor *monitor)
{
  LotsenIdleWarning *self;

  g_return_val_if_fail (LOTSEN_IS_IDLE_MONITOR (monitor), NULL);

  self = g_object_new (LOTSEN_TYPE_IDLE_WARNING, NULL);
  self->monitor = g_object_ref (monitor);
  g_signal_connect_swapped (monitor, "notify::warning", G_CALLBACK (update), self);
  g_signal_connect_swapped (monitor, "notify::seconds-left", G_CALLBACK (update), self);
  update (self);

  return GTK_WIDGET (self);
}
