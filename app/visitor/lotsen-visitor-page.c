/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-visitor-page.c — "Welcome back, A… S…": a returning visitor's
 * start, with only their initials on screen. */

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-tile.h"
#include "lotsen-visitor-page.h"

struct _LotsenVisitorPage
{
  GtkWidget  parent_instance;

  GtkLabel  *greeting;
};

G_DEFINE_FINAL_TYPE (LotsenVisitorPage, lotsen_visitor_page, GTK_TYPE_WIDGET)

static void
lotsen_visitor_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_VISITOR_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_visitor_page_parent_class)->dispose (object);
}

static void
lotsen_visitor_page_class_init (LotsenVisitorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_visitor_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-visitor-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenVisitorPage, greeting);
}

static void
lotsen_visitor_page_init (LotsenVisitorPage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lotsen_visitor_page_new:
 * @masked_name: the visitor's initials, e.g. "A… S…"
 */
GtkWidget *
lotsen_visitor_page_new (const char *masked_name)
{
  LotsenVisitorPage *self = g_object_new (LOTSEN_TYPE_VISITOR_PAGE, NULL);
  /* Translators: %s is the visitor's initials, e.g. "A… S…". */
  g_autofree char *greeting = g_strdup_printf (_("Welcome back, %s!"), masked_name);

  gtk_label_set_text (self->greeting, greeting);

  return GTK_WIDGET (self);
}
