/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-activities-page.c — "What's on": the coming sessions as cards,
 * with the day and time written in the visitor's language (the kiosk has
 * no system locales, so the names of days and months are our own
 * translations) and how many seats are left or how many wait. */

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-activities-page.h"
#include "lotsen-activity.h"
#include "lotsen-tile.h"

static const char * const weekdays[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

static const char * const months[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

struct _LotsenActivitiesPage
{
  GtkWidget   parent_instance;

  GtkFlowBox *sessions;
  GtkWidget  *empty_label;
};

G_DEFINE_FINAL_TYPE (LotsenActivitiesPage, lotsen_activities_page, GTK_TYPE_WIDGET)

static void
lotsen_activities_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_ACTIVITIES_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_activities_page_parent_class)->dispose (object);
}

static void
lotsen_activities_page_class_init (LotsenActivitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_activities_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-activities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenActivitiesPage, sessions);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivitiesPage, empty_label);
}

static void
lotsen_activities_page_init (LotsenActivitiesPage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lotsen_activities_page_new (void)
{
  return g_object_new (LOTSEN_TYPE_ACTIVITIES_PAGE, NULL);
}

static char *
format_when (gint64     starts_at,
             GTimeZone *timezone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (starts_at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, timezone);

  /* Translators: a session's start: weekday, day of the month, month, hour
   * and minute, e.g. "Tuesday 1 December, 15:00". Reorder with %1$s etc. */
  return g_strdup_printf (_("%1$s %2$d %3$s, %4$02d:%5$02d"),
                          _(weekdays[g_date_time_get_day_of_week (local) - 1]),
                          g_date_time_get_day_of_month (local),
                          _(months[g_date_time_get_month (local) - 1]),
                          g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

static char *
format_seats (const LotsenSession *session)
{
  if (session->waiting > 0 || session->seats_left == 0)
    return g_strdup_printf (_("Full. Waiting list: %d"), session->waiting);

  return g_strdup_printf (ngettext ("%d seat left", "%d seats left", session->seats_left),
                          session->seats_left);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static GtkWidget *
create_card (const LotsenSession *session,
             GTimeZone           *timezone)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *image = gtk_image_new_from_icon_name (session->pictogram);
  g_autofree char *when = format_when (session->starts_at, timezone);
  g_autofree char *seats = format_seats (session);
  GtkWidget *title;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "session-card");
  gtk_widget_add_css_class (image, "button-pictogram");
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (card), image);
  gtk_box_append (GTK_BOX (card), text);

  title = add_label (text, session->title, "session-title");
  /* A title staff have not translated yet: in its own language, marked. */
  if (session->title_fallback)
    gtk_widget_add_css_class (title, "fallback");
  add_label (text, when, "session-when");
  if (session->location != NULL)
    add_label (text, session->location, "session-where");
  add_label (text, seats, session->seats_left > 0 && session->waiting == 0 ? "session-seats" : "session-full");

  return card;
}

/**
 * lotsen_activities_page_set_sessions:
 * @sessions: (element-type LotsenSession): titled in the visitor's language
 * @timezone: the site's, for the times shown
 */
void
lotsen_activities_page_set_sessions (LotsenActivitiesPage *self,
                                     GPtrArray            *sessions,
                                     GTimeZone            *timezone)
{
  GtkWidget *child;

  g_return_if_fail (LOTSEN_IS_ACTIVITIES_PAGE (self));
  g_return_if_fail (sessions != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sessions))) != NULL)
    gtk_flow_box_remove (self->sessions, child);

  for (guint i = 0; i < sessions->len; i++)
    gtk_flow_box_append (self->sessions, create_card (sessions->pdata[i], timezone));

  gtk_widget_set_visible (self->empty_label, sessions->len == 0);
}
