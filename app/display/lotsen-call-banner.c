/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-call-banner.c — a call shown over the kiosk for a few seconds,
 * where the kiosk has a single screen.  It lies over the top of the page
 * and takes neither touches nor the keyboard focus: the visitor at the
 * kiosk goes on typing into their form, and nothing they did is lost. */

#define G_LOG_DOMAIN "lotsen-display"

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-call-banner.h"
#include "lotsen-call-display.h"

#define BANNER_SECONDS 8

struct _LotsenCallBanner
{
  GtkWidget  parent_instance;

  GtkWidget *revealer;
  GtkLabel  *label;
  GtkLabel  *desk;
  GtkLabel  *desk_words;
  guint      hide_id;
};

G_DEFINE_FINAL_TYPE (LotsenCallBanner, lotsen_call_banner, GTK_TYPE_WIDGET)

static void
lotsen_call_banner_dispose (GObject *object)
{
  LotsenCallBanner *self = LOTSEN_CALL_BANNER (object);

  g_clear_handle_id (&self->hide_id, g_source_remove);
  g_clear_pointer (&self->revealer, gtk_widget_unparent);

  G_OBJECT_CLASS (lotsen_call_banner_parent_class)->dispose (object);
}

static void
lotsen_call_banner_class_init (LotsenCallBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_call_banner_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "callbanner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
add_pictogram (GtkWidget  *box,
               const char *icon_name)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (image, "call-banner-pictogram");
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), image);
}

static void
lotsen_call_banner_init (LotsenCallBanner *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));

  gtk_widget_add_css_class (card, "call-banner");
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), card);

  gtk_widget_set_halign (line, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (card), line);
  add_pictogram (line, "lotsen-ticket-symbolic");
  self->label = add_label (line, "call-banner-label");
  add_pictogram (line, "lotsen-next-symbolic");
  add_pictogram (line, "lotsen-staff-symbolic");
  self->desk = add_label (line, "call-banner-label");
  self->desk_words = add_label (card, "call-banner-words");
  lotsen_call_display_set_ltr (card);

  /* Over the visitor's page, never in their way. */
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lotsen_call_banner_new (void)
{
  return g_object_new (LOTSEN_TYPE_CALL_BANNER, NULL);
}

static gboolean
hide_cb (gpointer user_data)
{
  LotsenCallBanner *self = LOTSEN_CALL_BANNER (user_data);

  self->hide_id = 0;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return G_SOURCE_REMOVE;
}

/**
 * lotsen_call_banner_show_call:
 *
 * Shows @call for a few seconds; a newer call replaces it at once.
 */
void
lotsen_call_banner_show_call (LotsenCallBanner *self,
                              const LotsenCall *call)
{
  g_autofree char *desk = NULL;
  g_autofree char *words = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (LOTSEN_IS_CALL_BANNER (self));
  g_return_if_fail (call != NULL);

  desk = g_strdup_printf ("%d", call->desk);
  words = lotsen_call_display_describe_desk (call);
  /* Translators: read by a screen reader when a ticket is called: the
   * label, then the desk ("A012, desk 2"). */
  description = g_strdup_printf (_("%s, desk %d"), call->label, call->desk);

  gtk_label_set_text (self->label, call->label);
  gtk_label_set_text (self->desk, desk);
  gtk_label_set_text (self->desk_words, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);

  g_clear_handle_id (&self->hide_id, g_source_remove);
  self->hide_id = g_timeout_add_seconds (BANNER_SECONDS, hide_cb, self);
}

gboolean
lotsen_call_banner_get_shown (LotsenCallBanner *self)
{
  g_return_val_if_fail (LOTSEN_IS_CALL_BANNER (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self));
}

const char *
lotsen_call_banner_get_label (LotsenCallBanner *self)
{
  g_return_val_if_fail (LOTSEN_IS_CALL_BANNER (self), NULL);

  return gtk_label_get_text (self->label);
}
