/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-tile.c — a big touch button: a pictogram above a word.
 *
 * The word is also the button's accessible name, so a screen reader says
 * what the pictogram means, in the visitor's language.
 */

#include "config.h"

#include "lotsen-tile.h"

struct _LotsenTile
{
  GtkButton  parent_instance;

  GtkImage  *image;
  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (LotsenTile, lotsen_tile, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_PICTOGRAM,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lotsen_tile_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LotsenTile *self = LOTSEN_TILE (object);

  switch (prop_id)
    {
    case PROP_PICTOGRAM:
      g_value_set_string (value, lotsen_tile_get_pictogram (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, lotsen_tile_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_tile_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LotsenTile *self = LOTSEN_TILE (object);

  switch (prop_id)
    {
    case PROP_PICTOGRAM:
      lotsen_tile_set_pictogram (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      lotsen_tile_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_tile_class_init (LotsenTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lotsen_tile_get_property;
  object_class->set_property = lotsen_tile_set_property;

  properties[PROP_PICTOGRAM] =
    g_param_spec_string ("pictogram", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenTile, image);
  gtk_widget_class_bind_template_child (widget_class, LotsenTile, label);
}

static void
lotsen_tile_init (LotsenTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lotsen_tile_new (const char *pictogram,
                 const char *text)
{
  return g_object_new (LOTSEN_TYPE_TILE,
                       "pictogram", pictogram,
                       "text", text,
                       NULL);
}

const char *
lotsen_tile_get_text (LotsenTile *self)
{
  g_return_val_if_fail (LOTSEN_IS_TILE (self), NULL);

  return gtk_label_get_text (self->label);
}

void
lotsen_tile_set_text (LotsenTile *self,
                      const char *text)
{
  g_return_if_fail (LOTSEN_IS_TILE (self));

  if (g_strcmp0 (text, gtk_label_get_text (self->label)) == 0)
    return;

  gtk_label_set_text (self->label, text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
lotsen_tile_get_pictogram (LotsenTile *self)
{
  g_return_val_if_fail (LOTSEN_IS_TILE (self), NULL);

  return gtk_image_get_icon_name (self->image);
}

void
lotsen_tile_set_pictogram (LotsenTile *self,
                           const char *pictogram)
{
  g_return_if_fail (LOTSEN_IS_TILE (self));

  if (g_strcmp0 (pictogram, gtk_image_get_icon_name (self->image)) == 0)
    return;

  gtk_image_set_from_icon_name (self->image, pictogram);
  gtk_widget_set_visible (GTK_WIDGET (self->image), pictogram != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICTOGRAM]);
}
