/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-welcome-page.c — the first screen: every language, then three big choices. */

#include "config.h"

#include "lotsen-language-grid.h"
#include "lotsen-tile.h"
#include "lotsen-welcome-page.h"

struct _LotsenWelcomePage
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LotsenWelcomePage, lotsen_welcome_page, GTK_TYPE_WIDGET)

static void
lotsen_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_WELCOME_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_welcome_page_parent_class)->dispose (object);
}

static void
lotsen_welcome_page_class_init (LotsenWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_welcome_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-welcome-page.ui");
}

static void
lotsen_welcome_page_init (LotsenWelcomePage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);
  g_type_ensure (LOTSEN_TYPE_LANGUAGE_GRID);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lotsen_welcome_page_new (void)
{
  return g_object_new (LOTSEN_TYPE_WELCOME_PAGE, NULL);
}
