/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-outcomes-page.c — what became of participants: the follow-up
 * list (due for a call, with their phone), finding a participant by code,
 * name or phone, and recording or correcting their outcome with a kind,
 * the day it began and a note.  Everything goes through the staff
 * session's store, so nothing here works once staff mode is locked. */

#define G_LOG_DOMAIN "lotsen-outcomes-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lotsen-label.h"
#include "lotsen-outcome.h"
#include "lotsen-outcomes-page.h"
#include "lotsen-tile.h"

struct _LotsenOutcomesPage
{
  GtkWidget           parent_instance;

  LotsenStaffSession *staff;
  gint64              visitor_id;   /* the participant picked, or 0 */
  char               *kind;         /* the kind picked, or NULL */

  GtkLabel           *follow_up_title;
  GtkListBox         *follow_up_list;
  GtkEntry           *search_entry;
  GtkButton          *search_button;
  GtkListBox         *found_list;
  GtkWidget          *record_box;
  GtkLabel           *participant_label;
  GtkListBox         *outcome_list;
  GtkFlowBox         *kind_box;
  GtkEntry           *date_entry;
  GtkEntry           *note_entry;
  GtkLabel           *message_label;
  GtkButton          *save_button;
};

G_DEFINE_FINAL_TYPE (LotsenOutcomesPage, lotsen_outcomes_page, GTK_TYPE_WIDGET)

#define ID_KEY "lotsen-id"

static LotsenStore *
store_of (LotsenOutcomesPage *self)
{
  return lotsen_staff_session_get_store (self->staff);
}

static void
set_id (gpointer object,
        gint64   id)
{
  g_object_set_data_full (G_OBJECT (object), ID_KEY, g_memdup2 (&id, sizeof id), g_free);
}

static gint64
get_id (gpointer object)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (object), ID_KEY);
}

static void
clear_list (GtkListBox *list)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL;)
    gtk_list_box_remove (list, child);
}

static char *
describe_participant (LotsenOutcomesPage   *self,
                      const LotsenFollowUp *row)
{
  g_autofree char *day = lotsen_store_format_local_day (store_of (self), row->first_visit);
  g_autofree char *first = NULL;

  /* Translators: staff see when a participant first came; %s is a date (2026-03-01). */
  first = g_strdup_printf (_("First visit %s"), day);
  if (row->phone != NULL)
    /* Translators: the first visit, then a phone number (kept left to right). */
    return g_strdup_printf (_("%s · \u2066%s\u2069"), first, row->phone);

  return g_steal_pointer (&first);
}

static void show_participant (LotsenOutcomesPage *self,
                              gint64              visitor_id,
                              const char         *name,
                              const char         *code);

static void
pick_clicked_cb (GtkButton          *button,
                 LotsenOutcomesPage *self)
{
  show_participant (self, get_id (button),
                    g_object_get_data (G_OBJECT (button), "name"),
                    g_object_get_data (G_OBJECT (button), "code"));
}

/* A participant's row: name and code, first visit and phone, and a
 * button to record their outcome. */
static GtkWidget *
create_participant_row (LotsenOutcomesPage   *self,
                        const LotsenFollowUp *participant)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* Translators: staff button: record what became of this participant (work, studies). */
  GtkWidget *button = gtk_button_new_with_label (_("Record outcome"));
  g_autofree char *title = g_strdup_printf ("%s · %s", participant->name ? participant->name : "–",
                                            participant->code ? participant->code : "–");
  g_autofree char *details = describe_participant (self, participant);
  g_autofree char *accessible = NULL;
  g_autofree char *name = g_strdup_printf ("record-%" G_GINT64_FORMAT, participant->visitor_id);

  gtk_widget_set_name (button, name);
  gtk_widget_set_hexpand (info, TRUE);
  lotsen_label_append (info, title, "attendee-name");
  lotsen_label_append (info, details, NULL);
  gtk_box_append (GTK_BOX (box), info);

  /* Translators: accessible name of a button; %s is a participant's name. */
  accessible = g_strdup_printf (_("Record the outcome of %s"), participant->name ? participant->name : participant->code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "choice");
  set_id (button, participant->visitor_id);
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (participant->name), g_free);
  g_object_set_data_full (G_OBJECT (button), "code", g_strdup (participant->code), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (pick_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  gtk_widget_add_css_class (box, "attendee-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
fill_participants (LotsenOutcomesPage *self,
                   GtkListBox         *list,
                   GPtrArray          *rows,
                   const char         *empty)
{
  clear_list (list);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    gtk_list_box_append (list, create_participant_row (self, rows->pdata[i]));

  if (rows == NULL || rows->len == 0)
    {
      GtkWidget *label = gtk_label_new (empty);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 16);
      gtk_widget_set_margin_bottom (label, 16);
      gtk_widget_set_margin_start (label, 16);
      gtk_widget_set_margin_end (label, 16);
      gtk_list_box_append (list, label);
    }
}

static void
remove_clicked_cb (GtkButton          *button,
                   LotsenOutcomesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (store_of (self) == NULL)
    return;

  if (!lotsen_outcome_remove (store_of (self), self->visitor_id,
                              g_object_get_data (G_OBJECT (button), "kind"), &error))
    lotsen_label_set_message (self->message_label, error->message);

  lotsen_outcomes_page_refresh (self);
}

/* The picked participant's outcomes, each with a Remove button. */
static void
fill_outcomes (LotsenOutcomesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;

  clear_list (self->outcome_list);
  if (self->visitor_id == 0 || store_of (self) == NULL)
    return;

  outcomes = lotsen_outcome_list (store_of (self), self->visitor_id, &error);
  if (outcomes == NULL)
    {
      lotsen_label_set_message (self->message_label, error->message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->outcome_list), outcomes->len > 0);
  for (guint i = 0; i < outcomes->len; i++)
    {
      LotsenOutcome *outcome = outcomes->pdata[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      /* Translators: staff button: remove an outcome recorded by mistake. */
      GtkWidget *button = gtk_button_new_with_label (_("Remove"));
      const char *kind = lotsen_outcome_kind_get_name (outcome->kind);
      g_autofree char *details = NULL;
      g_autofree char *accessible = NULL;

      details = g_strdup_printf (outcome->reported_by == LOTSEN_OUTCOME_BY_VISITOR
                                 /* Translators: %s is the day an outcome began; the visitor told the kiosk. */
                                 ? _("From %s, told by the participant")
                                 /* Translators: %s is the day an outcome began; staff recorded it. */
                                 : _("From %s, recorded by staff"),
                                 outcome->begins_on);
      gtk_widget_set_hexpand (info, TRUE);
      lotsen_label_append (info, kind, "attendee-name");
      lotsen_label_append (info, details, NULL);
      if (outcome->note != NULL)
        lotsen_label_append (info, outcome->note, NULL);
      gtk_box_append (GTK_BOX (box), info);

      /* Translators: accessible name of a button; %s is an outcome, e.g. "Employed". */
      accessible = g_strdup_printf (_("Remove “%s”"), kind);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "choice");
      g_object_set_data_full (G_OBJECT (button), "kind", g_strdup (outcome->kind), g_free);
      gtk_widget_set_name (button, "remove");
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
      gtk_widget_add_css_class (box, "attendee-row");
      gtk_list_box_append (self->outcome_list, box);
    }
}

static void
show_participant (LotsenOutcomesPage *self,
                  gint64              visitor_id,
                  const char         *name,
                  const char         *code)
{
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;

  if (store_of (self) == NULL)
    return;

  self->visitor_id = visitor_id;
  g_clear_pointer (&self->kind, g_free);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->kind_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))), FALSE);

  /* Translators: staff record an outcome for this participant; their name, then their personal code. */
  title = g_strdup_printf (_("Outcome of %s (%s)"), name ? name : "–", code ? code : "–");
  gtk_label_set_text (self->participant_label, title);
  today = lotsen_store_format_local_day (store_of (self), lotsen_clock_get_now (lotsen_store_get_clock (store_of (self))));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  lotsen_label_set_message (self->message_label, NULL);
  gtk_widget_set_visible (self->record_box, TRUE);
  fill_outcomes (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->participant_label));
}

static void
search_cb (LotsenOutcomesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  if (store_of (self) == NULL)
    return;

  found = lotsen_outcome_find_participants (store_of (self), gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                            &error);
  if (found == NULL)
    g_warning ("Finding participants: %s", error->message);
  fill_participants (self, self->found_list, found, _("Nobody found. Try the code, part of the name, or the phone number."));
  gtk_widget_set_visible (GTK_WIDGET (self->found_list), TRUE);
}

static void
kind_toggled_cb (GtkToggleButton    *button,
                 LotsenOutcomesPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  g_free (self->kind);
  self->kind = g_strdup (g_object_get_data (G_OBJECT (button), "kind"));
}

static void
save_clicked_cb (LotsenOutcomesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (store_of (self) == NULL || self->visitor_id == 0)
    return;

  if (self->kind == NULL)
    {
      lotsen_label_set_message (self->message_label, _("Pick what the participant does now."));
      return;
    }

  if (!lotsen_outcome_set (store_of (self), self->visitor_id, self->kind,
                           gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                           LOTSEN_OUTCOME_BY_STAFF, gtk_editable_get_text (GTK_EDITABLE (self->note_entry)), &error))
    {
      /* What was typed stays, with the reason beside it. */
      lotsen_label_set_message (self->message_label, error->message);
      return;
    }

  lotsen_label_set_message (self->message_label, NULL);
  lotsen_outcomes_page_refresh (self);
}

static void
lotsen_outcomes_page_dispose (GObject *object)
{
  LotsenOutcomesPage *self = LOTSEN_OUTCOMES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_OUTCOMES_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  g_clear_object (&self->staff);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (lotsen_outcomes_page_parent_class)->dispose (object);
}

static void
lotsen_outcomes_page_class_init (LotsenOutcomesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_outcomes_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-outcomes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, follow_up_title);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, follow_up_list);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, found_list);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, record_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, participant_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, outcome_list);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, kind_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, date_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenOutcomesPage, save_button);
}

static void
lotsen_outcomes_page_init (LotsenOutcomesPage *self)
{
  const char * const *kinds;
  GtkToggleButton *group = NULL;

  g_type_ensure (LOTSEN_TYPE_TILE);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->search_button, "clicked", G_CALLBACK (search_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_cb), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);

  /* One toggle a kind, one of them on at a time. */
  kinds = lotsen_outcome_get_kinds (NULL);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (lotsen_outcome_kind_get_name (kinds[i]));

      gtk_widget_set_name (button, kinds[i]);
      gtk_widget_add_css_class (button, "choice");
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      g_object_set_data (G_OBJECT (button), "kind", (gpointer) kinds[i]);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (kind_toggled_cb), self, 0);
      gtk_flow_box_append (self->kind_box, button);
    }
}

/**
 * lotsen_outcomes_page_new:
 * @staff: the staff session, whose store the page uses while unlocked
 */
GtkWidget *
lotsen_outcomes_page_new (LotsenStaffSession *staff)
{
  LotsenOutcomesPage *self = g_object_new (LOTSEN_TYPE_OUTCOMES_PAGE, NULL);

  self->staff = g_object_ref (staff);

  return GTK_WIDGET (self);
}

/**
 * lotsen_outcomes_page_refresh:
 *
 * The follow-up list and the picked participant's outcomes, from the
 * store as they are now.
 */
void
lotsen_outcomes_page_refresh (LotsenOutcomesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *title = NULL;
  guint days;

  g_return_if_fail (LOTSEN_IS_OUTCOMES_PAGE (self));

  if (store_of (self) == NULL)
    return;

  days = lotsen_outcome_get_follow_up_days (store_of (self));
  /* Translators: heading of the staff's call list; %u is a number of days (90). */
  title = g_strdup_printf (ngettext ("To follow up: first visit %u day ago or more, no outcome yet",
                                     "To follow up: first visit %u days ago or more, no outcome yet", days),
                           days);
  gtk_label_set_text (self->follow_up_title, title);

  due = lotsen_outcome_list_follow_up (store_of (self), &error);
  if (due == NULL)
    g_warning ("Listing the follow-up: %s", error->message);
  fill_participants (self, self->follow_up_list, due, _("Nobody to follow up."));

  fill_outcomes (self);
}
