/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-attendance-page.c — today's sessions with the people signed up:
 * one tap marks someone present or not come (stored at once), people on
 * the waiting list are shown apart, and walk-ins are added on the spot.
 * This is what the funders' report counts. */

#define G_LOG_DOMAIN "lotsen-attendance-page"

#include "config.h"

#include "lotsen-staff-session.h"
#include <adwaita.h>
#include <glib/gi18n.h>

#include "lotsen-activity.h"
#include "lotsen-attendance-page.h"
#include "lotsen-i18n.h"
#include "lotsen-label.h"
#include "lotsen-signup.h"
#include "lotsen-tile.h"

struct _LotsenAttendancePage
{
  GtkWidget    parent_instance;

  LotsenStaffSession *staff;

  GtkLabel    *title_label;
  GtkLabel    *error_label;
  GtkWidget   *empty_label;
  GtkBox      *sessions_box;
};

G_DEFINE_FINAL_TYPE (LotsenAttendancePage, lotsen_attendance_page, GTK_TYPE_WIDGET)

/* The store, only while staff mode is open: nothing here runs once it is
 * locked, however it is reached. */
static LotsenStore *
store_of (LotsenAttendancePage *self)
{
  return lotsen_staff_session_get_store (self->staff);
}

#define ID_KEY "lotsen-id"

static gint64
get_id (gpointer object)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (object), ID_KEY);
}

static void
set_id (gpointer object,
        gint64   id)
{
  g_object_set_data_full (G_OBJECT (object), ID_KEY, g_memdup2 (&id, sizeof id), g_free);
}

static void
present_clicked_cb (GtkButton            *button,
                    LotsenAttendancePage *self)
{
  g_autoptr(GError) error = NULL;

  if (store_of (self) == NULL)
    return;

  /* The list again either way: another desk may have changed it. */
  lotsen_activity_mark_attended (store_of (self), get_id (button), &error);
  lotsen_attendance_page_refresh (self);
  if (error != NULL)
    lotsen_label_set_message (self->error_label, error->message);
}

static void
no_show_clicked_cb (GtkButton            *button,
                    LotsenAttendancePage *self)
{
  g_autoptr(GError) error = NULL;

  if (store_of (self) == NULL)
    return;

  /* The list again either way: another desk may have changed it. */
  lotsen_activity_mark_no_show (store_of (self), get_id (button), &error);
  lotsen_attendance_page_refresh (self);
  if (error != NULL)
    lotsen_label_set_message (self->error_label, error->message);
}

static void
walk_in_clicked_cb (GtkButton            *button,
                    LotsenAttendancePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSignup) signup = NULL;
  GtkEditable *name = g_object_get_data (G_OBJECT (button), "name-entry");
  GtkSpinButton *party = g_object_get_data (G_OBJECT (button), "party-spin");
  GtkLabel *walk_in_error = g_object_get_data (G_OBJECT (button), "error-label");

  if (store_of (self) == NULL)
    return;

  signup = lotsen_activity_add_walk_in (store_of (self), get_id (button), 0, gtk_editable_get_text (name),
                                        gtk_spin_button_get_value_as_int (party), &error);
  if (signup == NULL)
    {
      /* What was typed stays, with the reason beside it. */
      lotsen_label_set_message (walk_in_error, error->message);
      return;
    }

  lotsen_attendance_page_refresh (self);
}

static const char *
describe_status (const LotsenSignup *signup,
                 char              **owned)
{
  switch (signup->status)
    {
    case LOTSEN_SIGNUP_CONFIRMED:
      /* Translators: the state of a sign-up on the staff's attendance list. */
      return _("Signed up");
    case LOTSEN_SIGNUP_ATTENDED:
      /* Translators: the state of a sign-up on the staff's attendance list: came without signing up. */
      return signup->walk_in ? _("Walk-in, present") :
        /* Translators: the state of a sign-up on the staff's attendance list; also the button staff tap when the person came. */
        _("Present");
    case LOTSEN_SIGNUP_NO_SHOW:
      return _("Did not come");
    case LOTSEN_SIGNUP_WAITLISTED:
      /* Translators: %d is a place on the waiting list */
      *owned = g_strdup_printf (_("Waiting list, number %d"), signup->position);
      return *owned;
    case LOTSEN_SIGNUP_CANCELLED:
    default:
      /* Translators: a sign-up that was cancelled (staff's attendance list and the visitor's own list). */
      return _("Cancelled");
    }
}

static GtkWidget *
create_mark_button (LotsenAttendancePage *self,
                    const LotsenSignup   *signup,
                    const char           *label,
                    const char           *accessible,
                    const char           *name_prefix,
                    gboolean              active,
                    GCallback             callback)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, name_prefix, signup->id);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "choice");
  gtk_widget_add_css_class (button, "mark-button");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  set_id (button, signup->id);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

static GtkWidget *
create_signup_row (LotsenAttendancePage *self,
                   const LotsenSignup   *signup)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *status;
  g_autofree char *owned_status = NULL;
  g_autofree char *people = g_strdup_printf (ngettext ("%d person", "%d people", signup->party_size),
                                             signup->party_size);
  g_autofree char *details = NULL;
  g_autofree char *present = NULL;
  const char *name = signup->name ? signup->name : signup->visitor_code;

  if (signup->phone != NULL)
    /* Translators: a phone number (kept left to right) and a number of
     * people, e.g. "070-123 45 67 · 2 people" */
    details = g_strdup_printf (_("\u2066%s\u2069 · %s"), signup->phone, people);
  else
    details = g_strdup (people);

  gtk_widget_set_hexpand (info, TRUE);
  lotsen_label_append (info, name, "attendee-name");
  lotsen_label_append (info, details, NULL);
  if (signup->promoted)
    lotsen_label_append (info, _("Promoted from the waiting list: please phone them"), "promoted");
  status = lotsen_label_append (info, describe_status (signup, &owned_status), "attendee-status");
  gtk_widget_set_name (status, "status");
  gtk_box_append (GTK_BOX (box), info);

  /* Translators: accessible name of a button, %s is a person's name */
  present = g_strdup_printf (_("%s is present"), name);
  gtk_box_append (GTK_BOX (box), create_mark_button (self, signup, _("Present"), present, "present",
                                                     signup->status == LOTSEN_SIGNUP_ATTENDED,
                                                     G_CALLBACK (present_clicked_cb)));
  if (signup->status != LOTSEN_SIGNUP_WAITLISTED)
    {
      /* Translators: accessible name of a button, %s is a person's name */
      g_autofree char *no_show = g_strdup_printf (_("%s did not come"), name);

      /* Translators: the button staff tap when a signed-up person did not come. */
      gtk_box_append (GTK_BOX (box), create_mark_button (self, signup, _("No-show"), no_show, "no-show",
                                                         signup->status == LOTSEN_SIGNUP_NO_SHOW,
                                                         G_CALLBACK (no_show_clicked_cb)));
    }

  gtk_widget_add_css_class (box, "attendee");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static GtkWidget *
create_list (GtkWidget *heading)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  return list;
}

static GtkWidget *
create_walk_in (LotsenAttendancePage *self,
                const LotsenSession  *session)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *row = gtk_flow_box_new ();
  GtkWidget *heading;
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *party = gtk_spin_button_new_with_range (1, LOTSEN_PARTY_MAX, 1);
  /* Translators: label of the number of people who come with a walk-in. */
  GtkWidget *party_label = gtk_label_new (_("People"));
  GtkWidget *party_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* Translators: a button on the attendance list: add someone who came without signing up. */
  GtkWidget *button = gtk_button_new_with_label (_("Add walk-in"));
  GtkWidget *error;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, session->id);
  g_autofree char *name_name = g_strdup_printf ("walk-in-name-%s", id);
  g_autofree char *party_name = g_strdup_printf ("walk-in-party-%s", id);
  g_autofree char *button_name = g_strdup_printf ("walk-in-%s", id);

  heading = lotsen_label_append (box, _("Came without signing up"), "field-label");

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (row), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (row), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (row), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (row), 12);

  gtk_widget_set_name (name, name_name);
  /* Translators: the placeholder of a walk-in's first name. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Given name"));
  gtk_widget_add_css_class (name, "big-entry");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Given name"), -1);
  gtk_flow_box_append (GTK_FLOW_BOX (row), name);

  gtk_widget_set_name (party, party_name);
  gtk_widget_add_css_class (party, "desk-spin");
  gtk_widget_set_valign (party, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (party), GTK_ACCESSIBLE_RELATION_LABELLED_BY, party_label, NULL, -1);
  gtk_box_append (GTK_BOX (party_box), party_label);
  gtk_box_append (GTK_BOX (party_box), party);
  gtk_flow_box_append (GTK_FLOW_BOX (row), party_box);

  gtk_widget_set_name (button, button_name);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "big-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_flow_box_append (GTK_FLOW_BOX (row), button);
  gtk_box_append (GTK_BOX (box), row);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);

  error = lotsen_label_append (box, NULL, "field-error");
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);

  set_id (button, session->id);
  g_object_set_data (G_OBJECT (button), "name-entry", name);
  g_object_set_data (G_OBJECT (button), "party-spin", party);
  g_object_set_data (G_OBJECT (button), "error-label", error);
  g_signal_connect_object (button, "clicked", G_CALLBACK (walk_in_clicked_cb), self, 0);

  return box;
}

static GtkWidget *
create_session (LotsenAttendancePage *self,
                const LotsenSession  *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) signups = lotsen_activity_list_session_signups (store_of (self), session->id, &error);
  g_autoptr(GDateTime) starts = lotsen_store_to_local (store_of (self), session->starts_at);
  g_autoptr(GDateTime) ends = lotsen_store_to_local (store_of (self), session->ends_at);
  g_autofree char *heading_text = NULL;
  g_autofree char *counts = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading;
  GtkWidget *seated_list = NULL;
  GtkWidget *waiting_list = NULL;

  /* Translators: a session today: start, end and title, e.g. "15:00–16:30
   * Language café". Keep the marks around the times: they keep them in
   * order in right-to-left text. */
  heading_text = g_strdup_printf (_("\u2066%1$02d:%2$02d–%3$02d:%4$02d\u2069 %5$s"),
                                  g_date_time_get_hour (starts), g_date_time_get_minute (starts),
                                  g_date_time_get_hour (ends), g_date_time_get_minute (ends),
                                  session->title ? session->title : "");
  heading = lotsen_label_append (box, heading_text, "session-title");
  if (session->location != NULL)
    lotsen_label_append (box, session->location, "session-where");

  /* Translators: seats taken of the session's seats, and people on the
   * waiting list, e.g. "5 of 12 seats taken, 2 waiting" */
  counts = g_strdup_printf (ngettext ("%1$d of %2$d seat taken, %3$d waiting",
                                      "%1$d of %2$d seats taken, %3$d waiting",
                                      session->capacity),
                            session->taken, session->capacity, session->waiting);
  lotsen_label_append (box, counts, "session-when");

  if (signups == NULL)
    {
      lotsen_label_append (box, error->message, "error");
      return box;
    }

  for (guint i = 0; i < signups->len; i++)
    {
      const LotsenSignup *signup = signups->pdata[i];

      if (signup->status == LOTSEN_SIGNUP_WAITLISTED)
        {
          if (waiting_list == NULL)
            {
              /* Translators: a heading on the attendance list: people waiting for a seat. */
              GtkWidget *title = lotsen_label_append (box, _("Waiting list"), "field-label");

              gtk_widget_set_margin_top (title, 12);
              waiting_list = create_list (title);
              gtk_box_append (GTK_BOX (box), waiting_list);
            }
          gtk_list_box_append (GTK_LIST_BOX (waiting_list), create_signup_row (self, signup));
        }
      else
        {
          if (seated_list == NULL)
            {
              seated_list = create_list (heading);
              gtk_box_append (GTK_BOX (box), seated_list);
            }
          gtk_list_box_append (GTK_LIST_BOX (seated_list), create_signup_row (self, signup));
        }
    }

  if (signups->len == 0)
    lotsen_label_append (box, _("Nobody has signed up."), NULL);

  gtk_box_append (GTK_BOX (box), create_walk_in (self, session));
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "attendance-card");

  return box;
}

static void
lotsen_attendance_page_dispose (GObject *object)
{
  LotsenAttendancePage *self = LOTSEN_ATTENDANCE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_ATTENDANCE_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  g_clear_object (&self->staff);

  G_OBJECT_CLASS (lotsen_attendance_page_parent_class)->dispose (object);
}

static void
lotsen_attendance_page_class_init (LotsenAttendancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_attendance_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-attendance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenAttendancePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenAttendancePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenAttendancePage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenAttendancePage, sessions_box);
}

static void
lotsen_attendance_page_init (LotsenAttendancePage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lotsen_attendance_page_new (LotsenStaffSession *staff)
{
  LotsenAttendancePage *self;

  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (staff), NULL);

  self = g_object_new (LOTSEN_TYPE_ATTENDANCE_PAGE, NULL);
  self->staff = g_object_ref (staff);

  return GTK_WIDGET (self);
}

/**
 * lotsen_attendance_page_refresh:
 *
 * Shows today's sessions (the site's local day) as they are stored now.
 */
void
lotsen_attendance_page_refresh (LotsenAttendancePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next_midnight = NULL;
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  GtkWidget *child;

  g_return_if_fail (LOTSEN_IS_ATTENDANCE_PAGE (self));

  lotsen_label_set_message (self->error_label, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sessions_box))) != NULL)
    gtk_box_remove (self->sessions_box, child);

  now = lotsen_store_to_local (store_of (self), lotsen_clock_get_now (lotsen_store_get_clock (store_of (self))));
  midnight = g_date_time_new (lotsen_store_get_timezone (store_of (self)), g_date_time_get_year (now),
                              g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  next_midnight = g_date_time_add_days (midnight, 1);

  /* The date reads left to right in every language. */
  day = g_date_time_format (now, "\u2066%Y-%m-%d\u2069");
  /* Translators: %s is today's date, e.g. "Attendance 2025-06-03" */
  title = g_strdup_printf (_("Attendance %s"), day);
  gtk_label_set_text (self->title_label, title);

  sessions = lotsen_activity_list_sessions (store_of (self), g_date_time_to_unix (midnight),
                                            g_date_time_to_unix (next_midnight),
                                            lotsen_i18n_get_language (), NULL, FALSE, &error);
  if (sessions == NULL)
    {
      lotsen_label_set_message (self->error_label, error->message);
      return;
    }

  for (guint i = 0; i < sessions->len; i++)
    gtk_box_append (self->sessions_box, create_session (self, sessions->pdata[i]));

  gtk_widget_set_visible (self->empty_label, sessions->len == 0);
}
