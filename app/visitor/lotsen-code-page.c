/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-code-page.c — a new visitor's personal code, very large, and the
 * same text as a QR code to take a photo of. */

#include "config.h"

#include <glib/gi18n.h>
#include <qrencode.h>
#include <string.h>

#include "lotsen-code-page.h"
#include "lotsen-tile.h"

#define QR_MODULE_PIXELS 10
#define QR_QUIET_ZONE     4  /* modules of white around the code, as the standard asks */

struct _LotsenCodePage
{
  GtkWidget   parent_instance;

  GtkLabel   *code_label;
  GtkPicture *qr_picture;
};

G_DEFINE_FINAL_TYPE (LotsenCodePage, lotsen_code_page, GTK_TYPE_WIDGET)

static void
lotsen_code_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_CODE_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_code_page_parent_class)->dispose (object);
}

static void
lotsen_code_page_class_init (LotsenCodePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_code_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-code-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenCodePage, code_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenCodePage, qr_picture);
}

static void
lotsen_code_page_init (LotsenCodePage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lotsen_code_page_make_qr:
 * @text: what the QR code says
 * @module_pixels: how many pixels wide one module (square) is
 *
 * Returns: (transfer full) (nullable): black on white, with the quiet zone
 */
GdkTexture *
lotsen_code_page_make_qr (const char *text,
                          int         module_pixels)
{
  g_autoptr(GBytes) bytes = NULL;
  QRcode *qr;
  guint8 *pixels;
  int side;

  qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == NULL)
    return NULL;

  side = (qr->width + 2 * QR_QUIET_ZONE) * module_pixels;
  pixels = g_malloc (side * side);
  memset (pixels, 0xff, side * side);

  for (int y = 0; y < qr->width; y++)
    for (int x = 0; x < qr->width; x++)
      if (qr->data[y * qr->width + x] & 1)
        for (int dy = 0; dy < module_pixels; dy++)
          memset (pixels + ((y + QR_QUIET_ZONE) * module_pixels + dy) * side
                         + (x + QR_QUIET_ZONE) * module_pixels,
                  0x00, module_pixels);

  QRcode_free (qr);

  /* One byte a pixel: expand to RGB for GdkMemoryTexture. */
  {
    guint8 *rgb = g_malloc (side * side * 3);

    for (int i = 0; i < side * side; i++)
      rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = pixels[i];
    g_free (pixels);
    bytes = g_bytes_new_take (rgb, side * side * 3);
  }

  return gdk_memory_texture_new (side, side, GDK_MEMORY_R8G8B8, bytes, side * 3);
}

GtkWidget *
lotsen_code_page_new (const char *code)
{
  LotsenCodePage *self = g_object_new (LOTSEN_TYPE_CODE_PAGE, NULL);
  g_autoptr(GdkTexture) qr = lotsen_code_page_make_qr (code, QR_MODULE_PIXELS);

  gtk_label_set_text (self->code_label, code);
  /* Read out letter by letter, not as a word. */
  {
    GString *letters = g_string_new (NULL);

    for (const char *p = code; *p != '\0'; p++)
      g_string_append_printf (letters, "%s%c", letters->len ? " " : "", *p);
    g_autofree char *qr_name = NULL;

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->code_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, letters->str, -1);
    /* Translators: the accessible name of the QR code on the code
     * screen; %s is the code, letter by letter ("K 7 P 2"). */
    qr_name = g_strdup_printf (_("QR code for your personal code %s"), letters->str);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr_picture),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, qr_name, -1);
    g_string_free (letters, TRUE);
  }

  if (qr != NULL)
    gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (qr));

  return GTK_WIDGET (self);
}
