/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-activities-page.c — "What's on": the coming sessions as cards to
 * tap and sign up for, with the day and time in the visitor's language and
 * how many seats are left or how many wait, and tiles to show one kind of
 * activity only. */

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-activities-page.h"
#include "lotsen-activity.h"
#include "lotsen-format.h"
#include "lotsen-label.h"
#include "lotsen-tile.h"

struct _LotsenActivitiesPage
{
  GtkWidget   parent_instance;

  GtkFlowBox *filters;
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
  gtk_widget_class_bind_template_child (widget_class, LotsenActivitiesPage, filters);
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

static GtkWidget *
create_card (const LotsenSession *session,
             GTimeZone           *timezone)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *image = gtk_image_new_from_icon_name (session->pictogram);
  g_autofree char *when = lotsen_format_when (session->starts_at, timezone);
  g_autofree char *seats = lotsen_format_seats (session);
  g_autofree char *name = NULL;
  GtkWidget *title;

  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "session-card");
  gtk_widget_add_css_class (image, "button-pictogram");
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (card), image);
  gtk_box_append (GTK_BOX (card), text);
  gtk_button_set_child (GTK_BUTTON (button), card);

  title = lotsen_label_append (text, session->title, "session-title");
  /* A title staff have not translated yet: in its own language, marked. */
  if (session->title_fallback)
    gtk_widget_add_css_class (title, "fallback");
  lotsen_label_append (text, when, "session-when");
  if (session->location != NULL)
    lotsen_label_append (text, session->location, "session-where");
  lotsen_label_append (text, seats, session->seats_left > 0 && session->waiting == 0 ? "session-seats" : "session-full");

  /* What a screen reader says for the whole card. */
  name = g_strjoin (". ", session->title, when,
                    session->location ? session->location : seats,
                    session->location ? seats : NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.choose-session");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", session->id);

  return button;
}

static GtkWidget *
create_filter (const char *key)
{
  const LotsenCategory *category = key ? lotsen_activity_lookup_category (key) : NULL;
  /* Translators: the filter tile that shows activities of every kind */
  const char *label = key ? lotsen_format_category (key) : _("All");
  const char *pictogram = category ? category->pictogram : "lotsen-activities-symbolic";
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *image = gtk_image_new_from_icon_name (pictogram);
  GtkWidget *text = gtk_label_new (label);

  gtk_widget_set_valign (content, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (image, "button-pictogram");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (content), image);
  gtk_box_append (GTK_BOX (content), text);
  gtk_button_set_child (GTK_BUTTON (button), content);

  gtk_widget_add_css_class (button, "choice");
  gtk_widget_add_css_class (button, "choice-tile");
  gtk_widget_add_css_class (button, "filter-tile");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* The window's category is the action's state: GTK keeps the one
   * shown pressed, for the eye and for screen readers. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.category");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", key ? key : "");

  return button;
}

static void
clear_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static void
append (GtkFlowBox *box,
        GtkWidget  *child)
{
  gtk_flow_box_append (box, child);
  /* The button inside takes the focus, not the cell around it. */
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
}

/**
 * lotsen_activities_page_set_sessions:
 * @sessions: (element-type LotsenSession): titled in the visitor's
 *   language, of every category
 * @category: (nullable): show only this category's
 * @timezone: the site's, for the times shown
 *
 * Shows a filter tile for each category that has sessions (when there is
 * more than one), and the sessions of @category.
 */
void
lotsen_activities_page_set_sessions (LotsenActivitiesPage *self,
                                     GPtrArray            *sessions,
                                     const char           *category,
                                     GTimeZone            *timezone)
{
  const LotsenCategory *known;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  guint n_known, shown = 0;

  g_return_if_fail (LOTSEN_IS_ACTIVITIES_PAGE (self));
  g_return_if_fail (sessions != NULL);

  clear_box (self->filters);
  clear_box (self->sessions);

  /* The kiosk's categories in their order, then any others. */
  known = lotsen_activity_get_categories (&n_known);
  for (guint k = 0; k < n_known; k++)
    for (guint i = 0; i < sessions->len; i++)
      if (g_strcmp0 (((LotsenSession *) sessions->pdata[i])->category, known[k].key) == 0)
        {
          g_ptr_array_add (keys, (gpointer) known[k].key);
          break;
        }
  for (guint i = 0; i < sessions->len; i++)
    {
      const char *key = ((LotsenSession *) sessions->pdata[i])->category;

      if (key != NULL && lotsen_activity_lookup_category (key) == NULL &&
          !g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
        g_ptr_array_add (keys, (gpointer) key);
    }

  if (category != NULL && !g_ptr_array_find_with_equal_func (keys, category, g_str_equal, NULL))
    category = NULL;

  if (keys->len > 1)
    {
      append (self->filters, create_filter (NULL));
      for (guint i = 0; i < keys->len; i++)
        append (self->filters, create_filter (keys->pdata[i]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filters), keys->len > 1);

  for (guint i = 0; i < sessions->len; i++)
    {
      const LotsenSession *session = sessions->pdata[i];

      if (category != NULL && g_strcmp0 (session->category, category) != 0)
        continue;

      append (self->sessions, create_card (session, timezone));
      shown++;
    }

  gtk_widget_set_visible (self->empty_label, shown == 0);
}
