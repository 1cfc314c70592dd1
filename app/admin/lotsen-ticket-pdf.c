/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-ticket-pdf.c — a queue ticket for a receipt printer: one page as
 * wide as the paper roll (80 mm or 58 mm), with the label large, the
 * service in Swedish and in the visitor's language, the date and time,
 * the people ahead and the wait estimate.  Text through Pango, so Arabic
 * and Ge'ez are shaped and embedded like Latin.  No name is printed.
 * A registration's personal code prints the same way, with its QR code.
 */

#define G_LOG_DOMAIN "lotsen-ticket-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#ifdef HAVE_QRENCODE
#include <qrencode.h>
#endif

#include "lotsen-i18n.h"
#include "lotsen-ticket-pdf.h"

#define MM           (72.0 / 25.4)
#define FONT_FAMILY  "Noto Sans, Noto Sans Ethiopic, Noto Sans Arabic, DejaVu Sans, Sans"

typedef struct
{
  cairo_t *cr;    /* NULL while measuring */
  double   width; /* printable width, points */
  double   margin;
  double   y;
} Layout;

gboolean
lotsen_paper_from_string (const char  *text,
                          LotsenPaper *paper)
{
  if (g_strcmp0 (text, "80mm") == 0)
    *paper = LOTSEN_PAPER_80MM;
  else if (g_strcmp0 (text, "58mm") == 0)
    *paper = LOTSEN_PAPER_58MM;
  else
    return FALSE;

  return TRUE;
}

/* One paragraph, centred and wrapped to the width; measured only when
 * there is no cairo context yet. */
static void
add_text (Layout      *layout,
          cairo_t     *measure,
          const char  *text,
          double       size,
          gboolean     bold)
{
  cairo_t *cr = layout->cr ? layout->cr : measure;
  g_autoptr(PangoLayout) pango = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  int width, height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pango, font);
  pango_font_description_free (font);
  pango_layout_set_width (pango, (int) (layout->width * PANGO_SCALE));
  pango_layout_set_wrap (pango, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (pango, PANGO_ALIGN_CENTER);
  /* Each paragraph in its own script's direction. */
  pango_layout_set_auto_dir (pango, TRUE);
  pango_layout_set_text (pango, text, -1);
  pango_layout_get_size (pango, &width, &height);

  if (layout->cr != NULL)
    {
      cairo_move_to (layout->cr, layout->margin, layout->y);
      pango_cairo_show_layout (layout->cr, pango);
    }
  layout->y += (double) height / PANGO_SCALE + size * 0.35;
}

static void
add_rule (Layout *layout)
{
  if (layout->cr != NULL)
    {
      cairo_set_line_width (layout->cr, 0.8);
      cairo_move_to (layout->cr, layout->margin, layout->y);
      cairo_line_to (layout->cr, layout->margin + layout->width, layout->y);
      cairo_stroke (layout->cr);
    }
  layout->y += 6;
}

typedef struct
{
  const LotsenTicket       *ticket;
  const LotsenWaitEstimate *estimate;
  const char               *when;
  const char               *service_sv;
  const char               *service_local;
  double                    scale;
} Content;

/* In Swedish, then in the visitor's language when that is another. */
static void
add_both (Layout        *layout,
          cairo_t       *measure,
          const Content *content,
          char *       (*make) (const Content *content, const char *lang),
          double         size)
{
  g_autofree char *sv = make (content, LOTSEN_DEFAULT_LANGUAGE);
  g_autofree char *local = content->ticket->lang ? make (content, content->ticket->lang) : NULL;

  add_text (layout, measure, sv, size, FALSE);
  if (local != NULL && g_strcmp0 (local, sv) != 0)
    add_text (layout, measure, local, size, FALSE);
}

static char *
make_ahead (const Content *content,
            const char    *lang)
{
  int ahead = content->estimate->ahead;

  if (ahead == 0)
    return g_strdup (lotsen_i18n_translate_in (lang, "You are next."));

  return g_strdup_printf (lotsen_i18n_ntranslate_in (lang, "%d person is ahead of you.",
                                                     "%d people are ahead of you.", (gulong) ahead),
                          ahead);
}

static char *
make_wait (const Content *content,
           const char    *lang)
{
  if (content->estimate->ahead == 0)
    return g_strdup (lotsen_i18n_translate_in (lang, "You will be called very soon."));

  return g_strdup_printf (lotsen_i18n_translate_in (lang, "You will wait about %d–%d minutes."),
                          content->estimate->min_minutes, content->estimate->max_minutes);
}

static void
draw (Layout        *layout,
      cairo_t       *measure,
      const Content *content)
{
  double s = content->scale;

  add_text (layout, measure, content->when, 9 * s, FALSE);
  add_text (layout, measure, content->ticket->label, 44 * s, TRUE);
  add_text (layout, measure, content->service_sv, 13 * s, TRUE);
  if (g_strcmp0 (content->service_local, content->service_sv) != 0)
    add_text (layout, measure, content->service_local, 13 * s, TRUE);
  add_rule (layout);
  add_both (layout, measure, content, make_ahead, 10 * s);
  add_both (layout, measure, content, make_wait, 10 * s);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * lotsen_ticket_pdf_render:
 *
 * Lays @ticket out for @paper; the page is as long as the ticket needs.
 *
 * Returns: (transfer full): the PDF file's bytes, or %NULL with @error
 */
GBytes *
lotsen_ticket_pdf_render (LotsenStore         *store,
                          const LotsenTicket  *ticket,
                          LotsenPaper          paper,
                          GError             **error)
{
  g_autoptr(LotsenService) service_sv = NULL;
  g_autoptr(LotsenService) service_local = NULL;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *when = NULL;
  LotsenWaitEstimate estimate;
  cairo_surface_t *surface, *scratch;
  cairo_t *measure;
  Layout layout = { 0 };
  Content content = { 0 };
  double page_width;
  cairo_status_t status;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);
  g_return_val_if_fail (ticket != NULL, NULL);

  service_sv = lotsen_queue_get_service (store, ticket->prefix, LOTSEN_DEFAULT_LANGUAGE, error);
  if (service_sv == NULL)
    return NULL;
  service_local = lotsen_queue_get_service (store, ticket->prefix, ticket->lang, error);
  if (service_local == NULL || !lotsen_queue_estimate_wait (store, ticket->id, &estimate, error))
    return NULL;

  when = lotsen_store_format_local (store, ticket->created_at, "%Y-%m-%d  %H:%M");
  content.ticket = ticket;
  content.estimate = &estimate;
  content.when = when;
  content.service_sv = service_sv->name;
  content.service_local = service_local->name;

  /* A receipt printer prints 72 mm of an 80 mm roll, 48 mm of a 58 mm one. */
  page_width = (paper == LOTSEN_PAPER_58MM ? 58 : 80) * MM;
  layout.margin = (paper == LOTSEN_PAPER_58MM ? 5 : 4) * MM;
  layout.width = page_width - 2 * layout.margin;
  content.scale = paper == LOTSEN_PAPER_58MM ? 0.8 : 1.0;

  /* Measure first, then draw on a page of that length. */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  measure = cairo_create (scratch);
  layout.y = 4 * MM;
  draw (&layout, measure, &content);
  cairo_destroy (measure);
  cairo_surface_destroy (scratch);

  surface = cairo_pdf_surface_create_for_stream (write_cb, pdf, page_width, layout.y + 6 * MM);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, ticket->label);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lotsen");
  layout.cr = cairo_create (surface);
  layout.y = 4 * MM;
  cairo_set_source_rgb (layout.cr, 0, 0, 0);
  draw (&layout, NULL, &content);
  cairo_destroy (layout.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The ticket could not be drawn: %s",
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/* The QR code of @text as black squares, @size points wide, centred. */
static void
add_qr (Layout     *layout,
        const char *text,
        double      size)
{
#ifdef HAVE_QRENCODE
  QRcode *qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module, left;

  if (qr == NULL)
    return;

  module = size / qr->width;
  left = layout->margin + (layout->width - size) / 2;
  if (layout->cr != NULL)
    {
      for (int y = 0; y < qr->width; y++)
        for (int x = 0; x < qr->width; x++)
          if (qr->data[y * qr->width + x] & 1)
            cairo_rectangle (layout->cr, left + x * module, layout->y + y * module, module, module);
      cairo_fill (layout->cr);
    }
  QRcode_free (qr);
  layout->y += size + 4 * MM;
#endif
}

static void
draw_code (Layout      *layout,
           cairo_t     *measure,
           const char  *code,
           const char  *lang,
           double       scale)
{
  static const char registered[] = "You are registered. This is your code:";
  static const char hint[] = "Write it down or take a photo of it. Next time, tap “I have a code” and you do not have to register again.";
  const char *langs[] = { LOTSEN_DEFAULT_LANGUAGE, lang };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    if (i == 0 || (langs[i] != NULL && g_strcmp0 (langs[i], LOTSEN_DEFAULT_LANGUAGE) != 0))
      add_text (layout, measure, lotsen_i18n_translate_in (langs[i], registered), 10 * scale, FALSE);
  add_text (layout, measure, code, 40 * scale, TRUE);
  add_qr (layout, code, layout->width * 0.6);
  add_rule (layout);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    if (i == 0 || (langs[i] != NULL && g_strcmp0 (langs[i], LOTSEN_DEFAULT_LANGUAGE) != 0))
      add_text (layout, measure, lotsen_i18n_translate_in (langs[i], hint), 9 * scale, FALSE);
}

/**
 * lotsen_code_pdf_render:
 * @code: a visitor's personal code
 * @lang: (nullable): the language they registered in
 *
 * A slip with the personal code large and as a QR code, and how to use it
 * next time, in Swedish and in @lang.  No name is printed.
 *
 * Returns: (transfer full): the PDF file's bytes, or %NULL with @error
 */
GBytes *
lotsen_code_pdf_render (const char   *code,
                        const char   *lang,
                        LotsenPaper   paper,
                        GError      **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface, *scratch;
  cairo_t *measure;
  Layout layout = { 0 };
  double page_width, scale;
  cairo_status_t status;

  g_return_val_if_fail (code != NULL, NULL);

  page_width = (paper == LOTSEN_PAPER_58MM ? 58 : 80) * MM;
  layout.margin = (paper == LOTSEN_PAPER_58MM ? 5 : 4) * MM;
  layout.width = page_width - 2 * layout.margin;
  scale = paper == LOTSEN_PAPER_58MM ? 0.8 : 1.0;

  scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  measure = cairo_create (scratch);
  layout.y = 4 * MM;
  draw_code (&layout, measure, code, lang, scale);
  cairo_destroy (measure);
  cairo_surface_destroy (scratch);

  surface = cairo_pdf_surface_create_for_stream (write_cb, pdf, page_width, layout.y + 6 * MM);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lotsen");
  layout.cr = cairo_create (surface);
  layout.y = 4 * MM;
  cairo_set_source_rgb (layout.cr, 0, 0, 0);
  draw_code (&layout, NULL, code, lang, scale);
  cairo_destroy (layout.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The code could not be drawn: %s",
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}
