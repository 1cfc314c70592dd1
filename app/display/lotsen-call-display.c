/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-call-display.c — "now serving" for the waiting room: the newest
 * call's label very large with an arrow to its desk number, the desk word
 * in Swedish and in the language the ticket was taken in, and the calls
 * before it below.  Numbers, arrows and pictograms carry it; no name is
 * ever shown. */

#define G_LOG_DOMAIN "lotsen-display"

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-call-board.h"
#include "lotsen-call-display.h"
#include "lotsen-i18n.h"

#define FLASH_SECONDS 8

struct _LotsenCallDisplay
{
  GtkWidget  parent_instance;

  GtkWidget *now;          /* the newest call, or the waiting pictogram */
  GtkWidget *service_icon;
  GtkLabel  *label;
  GtkLabel  *desk;
  GtkLabel  *desk_words;
  GtkWidget *empty;
  GtkWidget *history;      /* a flow box of the calls before */
  guint      flash_id;
};

G_DEFINE_FINAL_TYPE (LotsenCallDisplay, lotsen_call_display, GTK_TYPE_WIDGET)

/* Translators: on the waiting-room display, under a called ticket:
 * where to go, e.g. "Desk 2". Shown in Swedish and in the ticket holder's
 * language side by side. */
#define DESK_FORMAT N_("Desk %d")

static void
lotsen_call_display_dispose (GObject *object)
{
  LotsenCallDisplay *self = LOTSEN_CALL_DISPLAY (object);
  GtkWidget *child;

  g_clear_handle_id (&self->flash_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_call_display_parent_class)->dispose (object);
}

static void
lotsen_call_display_class_init (LotsenCallDisplayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_call_display_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "calldisplay");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Numbers and arrows read left to right, also while the kiosk shows
 * Arabic or Persian: every widget of a call is set so, since a widget's
 * direction is not inherited from its parent once set by default. */
void
lotsen_call_display_set_ltr (GtkWidget *widget)
{
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_LTR);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lotsen_call_display_set_ltr (child);
}

static GtkWidget *
new_pictogram (const char *icon_name,
               const char *css_class)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (image, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return image;
}

static GtkLabel *
new_label (const char *css_class)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
  return label;
}

static void
lotsen_call_display_init (LotsenCallDisplay *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 32);

  gtk_widget_set_parent (page, GTK_WIDGET (self));
  gtk_widget_add_css_class (page, "call-display");

  self->now = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_vexpand (self->now, TRUE);
  gtk_widget_set_valign (self->now, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->now, "call-now");
  gtk_box_append (GTK_BOX (page), self->now);

  gtk_widget_set_halign (line, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->now), line);
  self->service_icon = new_pictogram ("lotsen-ticket-symbolic", "call-pictogram");
  gtk_box_append (GTK_BOX (line), self->service_icon);
  self->label = new_label ("call-label");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (line), new_pictogram ("lotsen-next-symbolic", "call-arrow"));
  gtk_box_append (GTK_BOX (line), new_pictogram ("lotsen-staff-symbolic", "call-pictogram"));
  self->desk = new_label ("call-desk");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->desk));

  self->desk_words = new_label ("call-desk-words");
  gtk_box_append (GTK_BOX (self->now), GTK_WIDGET (self->desk_words));

  self->empty = new_pictogram ("lotsen-ticket-symbolic", "call-empty");
  gtk_widget_set_vexpand (self->empty, TRUE);
  gtk_box_append (GTK_BOX (page), self->empty);

  self->history = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->history), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->history), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->history), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->history), LOTSEN_CALL_BOARD_SIZE - 1);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->history), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->history), 16);
  gtk_widget_set_can_target (self->history, FALSE);
  gtk_widget_set_halign (self->history, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->history, "call-history");
  gtk_box_append (GTK_BOX (page), self->history);

  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  lotsen_call_display_set_ltr (GTK_WIDGET (self));
  lotsen_call_display_set_calls (self, NULL);
}

GtkWidget *
lotsen_call_display_new (void)
{
  return g_object_new (LOTSEN_TYPE_CALL_DISPLAY, NULL);
}

/* "Desk 2" in the ticket's language (Swedish when it has none). */
static char *
format_local_desk (const LotsenCall *call)
{
  return g_strdup_printf (lotsen_i18n_translate_in (call->lang, DESK_FORMAT), call->desk);
}

/**
 * lotsen_call_display_describe_desk:
 *
 * Returns: (transfer full): "Lucka 2", and after it the same in the
 *   ticket's language when that is not Swedish
 */
char *
lotsen_call_display_describe_desk (const LotsenCall *call)
{
  g_autofree char *sv = g_strdup_printf (lotsen_i18n_translate_in (LOTSEN_DEFAULT_LANGUAGE, DESK_FORMAT),
                                         call->desk);
  g_autofree char *local = format_local_desk (call);

  if (g_str_equal (sv, local))
    return g_steal_pointer (&sv);

  /* Each part in its own direction: an Arabic desk word stays right to left. */
  return g_strdup_printf ("%s  ·  \u2068%s\u2069", sv, local);
}

static GtkWidget *
create_history_item (const LotsenCall *call)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *desk = g_strdup_printf ("%d", call->desk);
  /* Translators: read by a screen reader for an earlier call on the
   * display: a ticket label, then a desk number ("A012, desk 2"). */
  g_autofree char *description = g_strdup_printf (_("%s, desk %d"), call->label, call->desk);
  GtkLabel *label = new_label ("call-history-label");
  GtkLabel *desk_label = new_label ("call-history-desk");

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "call-history-item");
  gtk_label_set_text (label, call->label);
  gtk_label_set_text (desk_label, desk);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (label));
  gtk_box_append (GTK_BOX (box), new_pictogram ("lotsen-next-symbolic", "call-history-arrow"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (desk_label));
  lotsen_call_display_set_ltr (box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  return box;
}

/**
 * lotsen_call_display_set_calls:
 * @calls: (nullable) (element-type LotsenCall): the calls, newest first
 */
void
lotsen_call_display_set_calls (LotsenCallDisplay *self,
                               GPtrArray         *calls)
{
  const LotsenCall *top = calls && calls->len > 0 ? g_ptr_array_index (calls, 0) : NULL;
  GtkWidget *child;

  g_return_if_fail (LOTSEN_IS_CALL_DISPLAY (self));

  gtk_widget_set_visible (self->now, top != NULL);
  gtk_widget_set_visible (self->empty, top == NULL);

  while ((child = gtk_widget_get_first_child (self->history)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->history), child);

  if (top == NULL)
    {
      gtk_label_set_text (self->label, "");
      return;
    }

  {
    g_autofree char *desk = g_strdup_printf ("%d", top->desk);
    g_autofree char *words = lotsen_call_display_describe_desk (top);
    g_autofree char *local = format_local_desk (top);
    /* Translators: read by a screen reader for the newest call on the
     * display: a ticket label, then where to go ("A012, Desk 2"). */
    g_autofree char *description = g_strdup_printf (_("Now serving %s, %s"), top->label, local);

    gtk_label_set_text (self->label, top->label);
    gtk_label_set_text (self->desk, desk);
    gtk_label_set_text (self->desk_words, words);
    gtk_image_set_from_icon_name (GTK_IMAGE (self->service_icon),
                                  top->pictogram ? top->pictogram : "lotsen-ticket-symbolic");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->now), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  }

  for (guint i = 1; i < calls->len; i++)
    gtk_flow_box_append (GTK_FLOW_BOX (self->history), create_history_item (g_ptr_array_index (calls, i)));
}

static gboolean
unflash_cb (gpointer user_data)
{
  LotsenCallDisplay *self = LOTSEN_CALL_DISPLAY (user_data);

  self->flash_id = 0;
  gtk_widget_remove_css_class (self->now, "call-fresh");
  return G_SOURCE_REMOVE;
}

/**
 * lotsen_call_display_flash:
 *
 * Marks the newest call as fresh for a few seconds, so eyes find it.
 */
void
lotsen_call_display_flash (LotsenCallDisplay *self)
{
  g_return_if_fail (LOTSEN_IS_CALL_DISPLAY (self));

  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_widget_add_css_class (self->now, "call-fresh");
  self->flash_id = g_timeout_add_seconds (FLASH_SECONDS, unflash_cb, self);
}

/**
 * lotsen_call_display_get_label:
 *
 * Returns: the label shown largest, "" when nobody has been called
 */
const char *
lotsen_call_display_get_label (LotsenCallDisplay *self)
{
  g_return_val_if_fail (LOTSEN_IS_CALL_DISPLAY (self), NULL);

  return gtk_label_get_text (self->label);
}
