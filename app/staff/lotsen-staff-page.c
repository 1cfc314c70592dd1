/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-staff-page.c — the staff's view of the queue: call the next
 * ticket at this desk, close it, see who waits. */

#include "config.h"

#include <adwaita.h>

#include "lotsen-format.h"
#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-staff-page.h"
#include "lotsen-tile.h"

struct _LotsenStaffPage
{
  GtkWidget      parent_instance;

  GtkSpinButton *desk_spin;
  GtkLabel      *called_label;
  GtkWidget     *finish_box;
  GtkWidget     *transfer_box;
  GtkFlowBox    *transfer_buttons;
  GPtrArray     *services;      /* (element-type LotsenService) to send a ticket on to */
  GtkListBox    *waiting_list;
  GtkLabel      *waiting_title;
  GtkWidget     *notice_box;
  GtkLabel      *notice_label;
  GtkLabel      *backup_label;
  GtkButton     *restore_button;
};

G_DEFINE_FINAL_TYPE (LotsenStaffPage, lotsen_staff_page, GTK_TYPE_WIDGET)

static void
call_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LotsenStaffPage *self = LOTSEN_STAFF_PAGE (widget);

  gtk_widget_activate_action (widget, "win.call-next", "i", lotsen_staff_page_get_desk (self));
}

static void
lotsen_staff_page_dispose (GObject *object)
{
  LotsenStaffPage *self = LOTSEN_STAFF_PAGE (object);

  g_clear_pointer (&self->services, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_STAFF_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_staff_page_parent_class)->dispose (object);
}

static void
lotsen_staff_page_class_init (LotsenStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_staff_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, desk_spin);
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, called_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, finish_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, transfer_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, transfer_buttons);
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, waiting_title);
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, notice_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, backup_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenStaffPage, restore_button);

  gtk_widget_class_install_action (widget_class, "staff.call-next", NULL, call_next_action);
}

static void
lotsen_staff_page_init (LotsenStaffPage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_range (self->desk_spin, 1, LOTSEN_MAX_DESK);
}

GtkWidget *
lotsen_staff_page_new (void)
{
  return g_object_new (LOTSEN_TYPE_STAFF_PAGE, NULL);
}

int
lotsen_staff_page_get_desk (LotsenStaffPage *self)
{
  g_return_val_if_fail (LOTSEN_IS_STAFF_PAGE (self), 1);

  return gtk_spin_button_get_value_as_int (self->desk_spin);
}

void
lotsen_staff_page_set_desk (LotsenStaffPage *self,
                            int              desk)
{
  g_return_if_fail (LOTSEN_IS_STAFF_PAGE (self));

  gtk_spin_button_set_value (self->desk_spin, desk);
}

static GtkWidget *
create_ticket_row (const LotsenTicket *ticket,
                   GTimeZone          *timezone)
{
  const LotsenInterpreterLanguage *interpreter = lotsen_interpreter_lookup (ticket->interpreter_lang);
  const LotsenLanguage *kiosk_language = lotsen_i18n_lookup (ticket->interpreter_lang);
  /* In the staff's language; a ticket from before the list, by its own name. */
  const char *needed = interpreter != NULL ? lotsen_interpreter_get_name (interpreter)
                       : kiosk_language != NULL ? kiosk_language->native_name : NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ticket->created_at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, timezone);
  g_autofree char *taken = g_date_time_format (local, "%H:%M");
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ticket->label);
  if (needed != NULL)
    /* Translators: "Taken at 10:42. Needs an interpreter: ትግርኛ" */
    subtitle = g_strdup_printf (_("Taken at %s. Needs an interpreter: %s"), taken, needed);
  else
    /* Translators: the time a queue ticket was taken, e.g. "Taken at 10:42" */
    subtitle = g_strdup_printf (_("Taken at %s"), taken);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* One button per other service: the called visitor goes on to wait there. */
static void
fill_transfer (LotsenStaffPage    *self,
               const LotsenTicket *called)
{
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->transfer_buttons))) != NULL)
    gtk_flow_box_remove (self->transfer_buttons, child);

  for (guint i = 0; called != NULL && self->services != NULL && i < self->services->len; i++)
    {
      const LotsenService *service = g_ptr_array_index (self->services, i);
      /* Translators: a staff button that sends the called ticket to
       * another service: its letter and name, e.g. "B · Authorities". */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), service->prefix, service->name);
      GtkWidget *button;

      if (g_strcmp0 (service->prefix, called->prefix) == 0)
        continue;

      button = gtk_button_new_with_label (text);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.transfer-ticket");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", service->prefix);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "big-button");
      gtk_flow_box_append (self->transfer_buttons, button);
      shown++;
    }

  gtk_widget_set_visible (self->transfer_box, shown > 0);
}

/**
 * lotsen_staff_page_set_queue:
 * @waiting: (element-type LotsenTicket): today's waiting tickets, in call order
 * @called: (nullable): the ticket this desk called last, if still open
 * @timezone: the site's time zone, for the times tickets were taken
 */
void
lotsen_staff_page_set_queue (LotsenStaffPage    *self,
                             GPtrArray          *waiting,
                             const LotsenTicket *called,
                             GTimeZone          *timezone)
{
  g_autofree char *title = NULL;
  GtkWidget *row;

  g_return_if_fail (LOTSEN_IS_STAFF_PAGE (self));
  g_return_if_fail (waiting != NULL);

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->waiting_list))) != NULL)
    gtk_list_box_remove (self->waiting_list, row);
  for (guint i = 0; i < waiting->len; i++)
    gtk_list_box_append (self->waiting_list, create_ticket_row (g_ptr_array_index (waiting, i), timezone));

  title = g_strdup_printf (ngettext ("%u ticket waiting", "%u tickets waiting", waiting->len), waiting->len);
  gtk_label_set_text (self->waiting_title, title);

  if (called != NULL)
    {
      /* Translators: the ticket this desk is serving, e.g. "Now serving A012". */
      g_autofree char *text = g_strdup_printf (_("Now serving %s"), called->label);

      gtk_label_set_text (self->called_label, text);
    }
  else
    gtk_label_set_text (self->called_label, _("No ticket called at this desk."));

  gtk_widget_set_visible (self->finish_box, called != NULL);
  fill_transfer (self, called);
}

/**
 * lotsen_staff_page_set_services:
 * @services: (element-type LotsenService): the services a called ticket
 *   can be sent on to
 */
void
lotsen_staff_page_set_services (LotsenStaffPage *self,
                                GPtrArray       *services)
{
  g_return_if_fail (LOTSEN_IS_STAFF_PAGE (self));
  g_return_if_fail (services != NULL);

  g_clear_pointer (&self->services, g_ptr_array_unref);
  self->services = g_ptr_array_ref (services);
}

/**
 * lotsen_staff_page_set_notice:
 * @notice: (nullable): something staff must know, already translated
 */
void
lotsen_staff_page_set_notice (LotsenStaffPage *self,
                              const char      *notice)
{
  g_return_if_fail (LOTSEN_IS_STAFF_PAGE (self));

  gtk_label_set_text (self->notice_label, notice ? notice : "");
  gtk_widget_set_visible (self->notice_box, notice != NULL);
}

/**
 * lotsen_staff_page_set_restore:
 * @label: (nullable): the button that puts the newest good backup back,
 *   already translated; %NULL when there is none to offer
 */
void
lotsen_staff_page_set_restore (LotsenStaffPage *self,
                               const char      *label)
{
  g_return_if_fail (LOTSEN_IS_STAFF_PAGE (self));

  gtk_button_set_label (self->restore_button, label ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), label != NULL);
}

/**
 * lotsen_staff_page_set_backup:
 * @text: the last backup's time and result, already translated
 * @failed: whether it failed, which staff must see at a glance
 */
void
lotsen_staff_page_set_backup (LotsenStaffPage *self,
                              const char      *text,
                              gboolean         failed)
{
  g_return_if_fail (LOTSEN_IS_STAFF_PAGE (self));
  g_return_if_fail (text != NULL);

  gtk_label_set_text (self->backup_label, text);
  if (failed)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->backup_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->backup_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->backup_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->backup_label), "dim-label");
    }
}
