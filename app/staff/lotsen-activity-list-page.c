/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-activity-list-page.c — staff see the activities (title, category,
 * when, place, seats), create one, or tap one to change it in the editor,
 * which also cancels single sessions. */

#define G_LOG_DOMAIN "lotsen-activity-list-page"

#include "config.h"

#include "lotsen-staff-session.h"
#include <adwaita.h>
#include <glib/gi18n.h>

#include "lotsen-activity.h"
#include "lotsen-activity-editor.h"
#include "lotsen-activity-list-page.h"
#include "lotsen-format.h"
#include "lotsen-i18n.h"
#include "lotsen-tile.h"

struct _LotsenActivityListPage
{
  GtkWidget    parent_instance;

  LotsenStaffSession *staff;

  GtkStack    *stack;
  GtkWidget   *empty_label;
  GtkBox      *activity_box;
  GtkWidget   *editor;
};

G_DEFINE_FINAL_TYPE (LotsenActivityListPage, lotsen_activity_list_page, GTK_TYPE_WIDGET)

/* The store, only while staff mode is open: nothing here runs once it is
 * locked, however it is reached. */
static LotsenStore *
store_of (LotsenActivityListPage *self)
{
  return lotsen_staff_session_get_store (self->staff);
}

static void
close_editor (LotsenActivityListPage *self)
{
  if (self->editor == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_stack_remove (self->stack, self->editor);
  self->editor = NULL;
}

static void
editor_done_cb (LotsenActivityEditor   *editor,
                LotsenActivityListPage *self)
{
  lotsen_activity_list_page_refresh (self);
}

static void
open_editor (LotsenActivityListPage *self,
             gint64                  activity_id)
{
  if (store_of (self) == NULL)
    return;

  close_editor (self);

  self->editor = lotsen_activity_editor_new (self->staff, activity_id);
  g_signal_connect_object (self->editor, "done", G_CALLBACK (editor_done_cb), self, 0);
  gtk_stack_add_named (self->stack, self->editor, "editor");
  gtk_stack_set_visible_child (self->stack, self->editor);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (LOTSEN_ACTIVITY_LIST_PAGE (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_editor (LOTSEN_ACTIVITY_LIST_PAGE (widget), g_variant_get_int64 (parameter));
}

static char *
format_schedule (LotsenActivityListPage *self,
                 const LotsenActivity   *activity,
                 GPtrArray              *sessions)
{
  if (activity->weekday >= 1 && activity->weekday <= 7)
    /* Translators: a weekly activity, e.g. "Every Tuesday, 15:00" */
    return g_strdup_printf (_("Every %1$s, %2$s"), lotsen_format_weekday (activity->weekday),
                            activity->start_time);

  for (guint i = 0; i < sessions->len; i++)
    {
      const LotsenSession *session = sessions->pdata[i];

      if (session->activity_id == activity->id)
        {
          g_autoptr(GDateTime) local = lotsen_store_to_local (store_of (self), session->starts_at);
          g_autofree char *date = g_date_time_format (local, "\u2066%Y-%m-%d\u2069");

          /* Translators: a one-off activity, e.g. "Once: 2025-06-03, 13:00" */
          return g_strdup_printf (_("Once: %1$s, %2$s"), date, activity->start_time);
        }
    }

  return g_strdup (_("Once, already held"));
}

static GtkWidget *
create_activity_button (LotsenActivityListPage *self,
                        const LotsenActivity   *activity,
                        GPtrArray              *sessions)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* Beside the title, which names the button: not read on its own. */
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE, "icon-name", activity->pictogram,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *title = gtk_label_new (activity->title ? activity->title : "");
  GtkWidget *details;
  g_autofree char *schedule = format_schedule (self, activity, sessions);
  /* Translators: how many seats an activity has. */
  g_autofree char *seats = g_strdup_printf (ngettext ("%d seat", "%d seats", activity->capacity), activity->capacity);
  g_autofree char *line = NULL;
  g_autofree char *place = NULL;
  g_autofree char *name = g_strdup_printf ("activity-%" G_GINT64_FORMAT, activity->id);

  /* The place as staff typed it, in its own direction, so that it does
   * not pull the numbers beside it into its own. */
  if (activity->location != NULL)
    place = g_strdup_printf ("\u2068%s\u2069", activity->location);

  if (activity->location != NULL)
    /* Translators: category, when, place and seats of an activity, e.g.
     * "Language · Every Tuesday, 15:00 · Room 3 · 12 seats" */
    line = g_strdup_printf (_("%1$s · %2$s · %3$s · %4$s"), lotsen_format_category (activity->category), schedule, place, seats);
  else
    /* Translators: category, when and seats of an activity, e.g.
     * "Language · Every Tuesday, 15:00 · 12 seats" */
    line = g_strdup_printf (_("%1$s · %2$s · %3$s"), lotsen_format_category (activity->category), schedule, seats);
  details = gtk_label_new (line);

  gtk_widget_add_css_class (image, "button-pictogram");
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), image);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "session-title");
  /* A title not in the panel's language: in its own, marked. */
  if (activity->title_fallback)
    gtk_widget_add_css_class (title, "fallback");
  gtk_box_append (GTK_BOX (text), title);

  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "session-when");
  gtk_box_append (GTK_BOX (text), details);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "activity-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "activities.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", activity->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, activity->title ? activity->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, line,
                                  -1);

  return button;
}

static void
lotsen_activity_list_page_dispose (GObject *object)
{
  LotsenActivityListPage *self = LOTSEN_ACTIVITY_LIST_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_ACTIVITY_LIST_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  self->editor = NULL;
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (lotsen_activity_list_page_parent_class)->dispose (object);
}

static void
lotsen_activity_list_page_class_init (LotsenActivityListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_activity_list_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-activity-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityListPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityListPage, activity_box);

  gtk_widget_class_install_action (widget_class, "activities.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "activities.edit", "x", edit_action);
}

static void
lotsen_activity_list_page_init (LotsenActivityListPage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lotsen_activity_list_page_new (LotsenStaffSession *staff)
{
  LotsenActivityListPage *self;

  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (staff), NULL);

  self = g_object_new (LOTSEN_TYPE_ACTIVITY_LIST_PAGE, NULL);
  self->staff = g_object_ref (staff);

  return GTK_WIDGET (self);
}

/**
 * lotsen_activity_list_page_refresh:
 *
 * Shows the list as it is stored now, leaving the editor if it was open.
 */
void
lotsen_activity_list_page_refresh (LotsenActivityListPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 now;
  GtkWidget *child;

  g_return_if_fail (LOTSEN_IS_ACTIVITY_LIST_PAGE (self));

  close_editor (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->activity_box))) != NULL)
    gtk_box_remove (self->activity_box, child);

  now = lotsen_clock_get_now (lotsen_store_get_clock (store_of (self)));
  activities = lotsen_activity_list (store_of (self), lotsen_i18n_get_language (), &error);
  if (activities != NULL)
    sessions = lotsen_activity_list_sessions (store_of (self), now, G_MAXINT64, NULL, NULL, FALSE, &error);
  if (activities == NULL || sessions == NULL)
    {
      g_warning ("Listing activities: %s", error->message);
      gtk_label_set_text (GTK_LABEL (self->empty_label), error->message);
      gtk_widget_set_visible (self->empty_label, TRUE);
      return;
    }

  for (guint i = 0; i < activities->len; i++)
    gtk_box_append (self->activity_box, create_activity_button (self, activities->pdata[i], sessions));

  gtk_widget_set_visible (self->empty_label, activities->len == 0);
}

/**
 * lotsen_activity_list_page_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor, while it is open
 */
GtkWidget *
lotsen_activity_list_page_get_editor (LotsenActivityListPage *self)
{
  g_return_val_if_fail (LOTSEN_IS_ACTIVITY_LIST_PAGE (self), NULL);

  return self->editor;
}
