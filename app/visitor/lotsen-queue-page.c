/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-queue-page.c — "What do you need help with?": one tile a service. */

#include "config.h"

#include "lotsen-i18n.h"
#include "lotsen-queue.h"
#include "lotsen-queue-page.h"
#include "lotsen-tile.h"

struct _LotsenQueuePage
{
  GtkWidget   parent_instance;

  GtkFlowBox *services;
  GtkWidget  *empty_label;
};

G_DEFINE_FINAL_TYPE (LotsenQueuePage, lotsen_queue_page, GTK_TYPE_WIDGET)

static void
lotsen_queue_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_QUEUE_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_queue_page_parent_class)->dispose (object);
}

static void
lotsen_queue_page_class_init (LotsenQueuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_queue_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-queue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenQueuePage, services);
  gtk_widget_class_bind_template_child (widget_class, LotsenQueuePage, empty_label);
}

static void
lotsen_queue_page_init (LotsenQueuePage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lotsen_queue_page_new (void)
{
  return g_object_new (LOTSEN_TYPE_QUEUE_PAGE, NULL);
}

/**
 * lotsen_queue_page_set_services:
 * @services: (element-type LotsenService): named in the visitor's language
 */
void
lotsen_queue_page_set_services (LotsenQueuePage *self,
                                GPtrArray       *services)
{
  GtkWidget *child;

  g_return_if_fail (LOTSEN_IS_QUEUE_PAGE (self));
  g_return_if_fail (services != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->services))) != NULL)
    gtk_flow_box_remove (self->services, child);

  for (guint i = 0; i < services->len; i++)
    {
      LotsenService *service = g_ptr_array_index (services, i);
      GtkWidget *tile = lotsen_tile_new (service->pictogram, service->name);

      gtk_widget_set_name (tile, service->prefix);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (tile), "win.take-ticket");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (tile), "s", service->prefix);

      /* A name staff have not translated yet is shown in the language it
       * has, in that language's direction. */
      if (g_strcmp0 (service->name_lang, lotsen_i18n_get_language ()) != 0)
        {
          const LotsenLanguage *language = lotsen_i18n_lookup (service->name_lang);

          gtk_widget_add_css_class (tile, "fallback");
          if (language != NULL)
            gtk_widget_set_direction (gtk_button_get_child (GTK_BUTTON (tile)),
                                      language->direction == LOTSEN_TEXT_DIRECTION_RTL
                                      ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
        }

      gtk_flow_box_append (self->services, tile);
    }

  gtk_widget_set_visible (self->empty_label, services->len == 0);
}
