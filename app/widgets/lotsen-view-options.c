/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-view-options.c — "Larger text" and "High contrast", on every
 * visitor screen.
 *
 * A round button beside the languages opens a small panel with the text
 * sizes (100, 150 and 200 %) and high contrast.  Each is a toggle for a
 * window action (win.text-size, win.high-contrast), so the choice shows
 * as pressed, to the eye and to a screen reader; the window puts a style
 * class on itself and forgets the choice when the visit ends.
 *
 * The larger sizes are style sheets made from the kiosk's own: every
 * font size in style.css, multiplied, under the window's text-150 or
 * text-200 class (lotsen_view_options_install_styles()).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lotsen-view-options.h"

struct _LotsenViewOptions
{
  GtkWidget  parent_instance;

  GtkWidget *button;
};

G_DEFINE_FINAL_TYPE (LotsenViewOptions, lotsen_view_options, GTK_TYPE_WIDGET)

static const guint scales[] = { 100, 150, 200 };

gboolean
lotsen_view_options_is_text_scale (guint scale)
{
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (scales[i] == scale)
      return TRUE;

  return FALSE;
}

/**
 * lotsen_view_options_text_scale_class:
 *
 * Returns: (nullable): the window's style class for @scale, or %NULL for
 *   the normal size
 */
const char *
lotsen_view_options_text_scale_class (guint scale)
{
  switch (scale)
    {
    case 150: return "text-150";
    case 200: return "text-200";
    default:  return NULL;
    }
}

/* @css with every "font-size: Npx" under 60 px multiplied by @percent /
 * 100, each rule's selectors under window.@klass; the rules without a
 * font size (or with a bigger one, or for the keyboard) are left out. */
static char *
scale_style_sheet (const char *css,
                   guint       percent,
                   const char *klass)
{
  GString *out = g_string_new (NULL);
  /* Comments and @define-color statements are not rules. */
  g_autoptr(GRegex) comments = g_regex_new ("/\\*.*?\\*/|@[^;{}]*;", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) font_size = g_regex_new ("font-size:\\s*([0-9.]+)px", 0, 0, NULL);
  g_autofree char *plain = g_regex_replace_literal (comments, css, -1, 0, "", 0, NULL);
  g_auto(GStrv) rules = g_strsplit (plain, "}", -1);

  for (guint i = 0; rules[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_auto(GStrv) selectors = NULL;
      g_autofree char *size = NULL;
      char *brace = strchr (rules[i], '{');

      if (brace == NULL || !g_regex_match (font_size, brace, 0, &match))
        continue;

      size = g_match_info_fetch (match, 1);
      /* The big numbers and codes are large enough already, and the
       * on-screen keyboard's letters too: its keys must fit the width. */
      if (g_ascii_strtod (size, NULL) >= 60 || strstr (rules[i], "keyboard") != NULL)
        continue;

      *brace = '\0';
      selectors = g_strsplit (rules[i], ",", -1);
      for (guint s = 0; selectors[s] != NULL; s++)
        {
          const char *selector = g_strstrip (selectors[s]);

          if (s > 0)
            g_string_append (out, ",\n");
          /* The window itself, or what is in it. */
          if (g_str_has_prefix (selector, "window.kiosk"))
            g_string_append_printf (out, "window.kiosk.%s%s", klass, selector + strlen ("window.kiosk"));
          else
            g_string_append_printf (out, "window.kiosk.%s %s", klass, selector);
        }
      g_string_append_printf (out, " { font-size: %.0fpx; }\n",
                              g_ascii_strtod (size, NULL) * percent / 100.0);
    }

  return g_string_free (out, FALSE);
}

/**
 * lotsen_view_options_install_styles:
 *
 * Adds the style sheets of the larger text sizes to @display, made from
 * the kiosk's style.css; once per display.
 */
void
lotsen_view_options_install_styles (GdkDisplay *display)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) all = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "lotsen-text-sizes") != NULL)
    return;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/style.css", 0, NULL);
  if (bytes == NULL)
    return;

  all = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (lotsen_view_options_text_scale_class (scales[i]) != NULL)
      {
        g_autofree char *sheet = scale_style_sheet (g_bytes_get_data (bytes, NULL), scales[i],
                                                    lotsen_view_options_text_scale_class (scales[i]));
        g_string_append (all, sheet);
        /* The language names stay as they are: seven of them must fit
         * in the bar, and they are read to choose, not to follow. */
        g_string_append_printf (all, "window.kiosk.%1$s languagebar,\n"
                                     "window.kiosk.%1$s languagebar button.language { font-size: 22px; }\n",
                                lotsen_view_options_text_scale_class (scales[i]));
      }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, all->str, all->len);
  /* Above the kiosk's own style sheet. */
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_object_set_data_full (G_OBJECT (display), "lotsen-text-sizes", g_steal_pointer (&provider), g_object_unref);
}

static GtkWidget *
option_button (const char *text,
               const char *accessible_name,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (text);

  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
  gtk_widget_add_css_class (button, "view-option");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  return button;
}

static void
lotsen_view_options_dispose (GObject *object)
{
  LotsenViewOptions *self = LOTSEN_VIEW_OPTIONS (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (lotsen_view_options_parent_class)->dispose (object);
}

static void
lotsen_view_options_class_init (LotsenViewOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_view_options_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "viewoptions");
}

static void
lotsen_view_options_init (LotsenViewOptions *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *sizes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading;

  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  /* Translators: the text size choices; a heading in the small panel
   * behind the "Aa" button. */
  heading = gtk_label_new (_("Text size"));
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "view-options-heading");
  gtk_box_append (GTK_BOX (box), heading);

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u %%", scales[i]);
      /* Translators: the accessible name of a text size button; %u is
       * 100, 150 or 200, in per cent. */
      g_autofree char *name = g_strdup_printf (_("Text size %u %%"), scales[i]);
      GtkWidget *button = option_button (text, name, "win.text-size", g_variant_new_uint32 (scales[i]));

      gtk_widget_set_name (button, text);
      gtk_widget_set_hexpand (button, TRUE);
      gtk_box_append (GTK_BOX (sizes), button);
    }
  gtk_box_append (GTK_BOX (box), sizes);

  gtk_box_append (GTK_BOX (box),
                  /* Translators: a toggle: black and white, yellow on black, thick outlines. */
                  option_button (_("High contrast"), _("High contrast"), "win.high-contrast", NULL));

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_add_css_class (popover, "view-options");

  self->button = gtk_menu_button_new ();
  /* Translators: the label of the text size and contrast button: two
   * letters, big and small, in your script (Aa, Аа, አአ ...). */
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), C_("text size button", "Aa"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_tooltip_text (self->button, _("Text size and contrast"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text size and contrast"),
                                  -1);
  gtk_widget_add_css_class (self->button, "view-options-button");
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

GtkWidget *
lotsen_view_options_new (void)
{
  return g_object_new (LOTSEN_TYPE_VIEW_OPTIONS, NULL);
}
