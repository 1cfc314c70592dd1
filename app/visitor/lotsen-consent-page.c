/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-consent-page.c — what is kept, why, who sees it, for how long;
 * in the visitor's language, before anything is asked.  Its text is the
 * consent of version LOTSEN_CONSENT_VERSION: change one, bump the other. */

#include "config.h"

#include "lotsen-consent-page.h"
#include "lotsen-tile.h"

struct _LotsenConsentPage
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LotsenConsentPage, lotsen_consent_page, GTK_TYPE_WIDGET)

static void
lotsen_consent_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_CONSENT_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_consent_page_parent_class)->dispose (object);
}

static void
lotsen_consent_page_class_init (LotsenConsentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_consent_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-consent-page.ui");
}

static void
lotsen_consent_page_init (LotsenConsentPage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lotsen_consent_page_new (void)
{
  return g_object_new (LOTSEN_TYPE_CONSENT_PAGE, NULL);
}
