/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-soon-page.c — a clear "not yet" for a part still being built. */

#include "config.h"

#include <adwaita.h>

#include "lotsen-soon-page.h"
#include "lotsen-tile.h"

struct _LotsenSoonPage
{
  GtkWidget      parent_instance;

  AdwStatusPage *status;
};

G_DEFINE_FINAL_TYPE (LotsenSoonPage, lotsen_soon_page, GTK_TYPE_WIDGET)

static void
lotsen_soon_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_SOON_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_soon_page_parent_class)->dispose (object);
}

static void
lotsen_soon_page_class_init (LotsenSoonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_soon_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-soon-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenSoonPage, status);
}

static void
lotsen_soon_page_init (LotsenSoonPage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lotsen_soon_page_new:
 * @title: what the visitor asked for, already translated
 */
GtkWidget *
lotsen_soon_page_new (const char *title)
{
  LotsenSoonPage *self = g_object_new (LOTSEN_TYPE_SOON_PAGE, NULL);

  adw_status_page_set_title (self->status, title);

  return GTK_WIDGET (self);
}
