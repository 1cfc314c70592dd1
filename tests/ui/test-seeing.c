/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For visitors who do not see well: the contrast of every text on the
 * visitor screens, measured in the drawn pixels; the larger text and high
 * contrast choices, and that they end with the visit; the main buttons in
 * sight on the screen sizes kiosks have; images and controls named for
 * what they mean. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "lotsen-export-page.h"
#include "lotsen-i18n.h"
#include "lotsen-queue.h"
#include "lotsen-test-core.h"
#include "lotsen-test-ui.h"
#include "lotsen-visitor.h"
#include "lotsen-window.h"

typedef LotsenUiFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  lotsen_ui_fixture_set_up (fixture, TRUE, 1280, 800);
}

typedef void (*PageFunc) (Fixture    *fixture,
                          const char *screen,
                          gpointer    user_data);

static void
tap_named (Fixture    *fixture,
           GType       type,
           const char *name)
{
  GtkWidget *page = lotsen_window_get_page (fixture->window, lotsen_window_get_page_name (fixture->window));
  GtkWidget *button = lotsen_test_ui_find (page, type, name);

  if (button == NULL)
    g_error ("No “%s” on the %s page", name, lotsen_window_get_page_name (fixture->window));
  lotsen_test_ui_click (button);
}

/* Goes through every visitor screen as a visitor would, calling @func on
 * each: taking a ticket, registering, signing in, signing up. */
static void
visit_every_screen (Fixture  *fixture,
                    PageFunc  func,
                    gpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *code = NULL;

  /* Every screen there is: the ESF+ step of registering too. */
  g_assert_true (lotsen_visitor_set_esf_fields (fixture->store, "on", NULL));

  func (fixture, "welcome", user_data);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "activities");
  func (fixture, "activities", user_data);
  lotsen_ui_fixture_tap (fixture, "win.choose-session", NULL);
  func (fixture, "signup", user_data);
  lotsen_ui_fixture_tap (fixture, "signup.back", NULL);
  lotsen_ui_fixture_tap (fixture, "win.go-home", NULL);

  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
  func (fixture, "queue", user_data);
  lotsen_ui_fixture_tap (fixture, "win.take-ticket", "A");
  func (fixture, "ticket", user_data);
  lotsen_ui_fixture_tap (fixture, "ticket.choose-interpreter", NULL);
  func (fixture, "ticket-interpreter", user_data);
  lotsen_ui_fixture_tap (fixture, "win.set-interpreter", "ar");
  func (fixture, "ticket-interpreter-chosen", user_data);
  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);

  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  func (fixture, "consent", user_data);
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  entries = lotsen_test_ui_collect (lotsen_ui_fixture_root (fixture), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "Åsa");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), "Lindqvist");
  func (fixture, "register-name", user_data);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  tap_named (fixture, GTK_TYPE_TOGGLE_BUTTON, "1990");
  tap_named (fixture, GTK_TYPE_TOGGLE_BUTTON, "1994");
  tap_named (fixture, GTK_TYPE_TOGGLE_BUTTON, "1");
  func (fixture, "register-about", user_data);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  tap_named (fixture, GTK_TYPE_TOGGLE_BUTTON, "Lund");
  func (fixture, "register-contact", user_data);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  tap_named (fixture, GTK_TYPE_TOGGLE_BUTTON, "studying");
  tap_named (fixture, GTK_TYPE_TOGGLE_BUTTON, "post_secondary");
  func (fixture, "register-esf", user_data);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  tap_named (fixture, GTK_TYPE_TOGGLE_BUTTON, "work");
  tap_named (fixture, GTK_TYPE_TOGGLE_BUTTON, "ar");
  func (fixture, "register-interests", user_data);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  func (fixture, "register-check", user_data);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  lotsen_ui_fixture_assert_page (fixture, "code");
  func (fixture, "code", user_data);
  code = g_strdup (lotsen_visit_get_visitor_code (lotsen_window_get_visit (fixture->window)));

  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "sign-in");
  for (const char *c = code; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      lotsen_ui_fixture_tap (fixture, "win.code-key", key);
    }
  func (fixture, "sign-in", user_data);
  lotsen_ui_fixture_tap (fixture, "win.sign-in", NULL);
  lotsen_ui_fixture_assert_page (fixture, "visitor");
  func (fixture, "visitor", user_data);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "activities");
  lotsen_ui_fixture_tap (fixture, "win.choose-session", NULL);
  func (fixture, "signup-with-code", user_data);
  lotsen_ui_fixture_tap (fixture, "win.sign-up", NULL);
  func (fixture, "signup-done", user_data);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "my-signups");
  func (fixture, "my-signups", user_data);
}

/* WCAG 2.1's relative luminance of an sRGB colour. */
static double
luminance (const guint8 *bgra)
{
  double c[3];

  for (int i = 0; i < 3; i++)
    {
      double v = bgra[2 - i] / 255.0;

      c[i] = v <= 0.03928 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (double a,
          double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

typedef struct
{
  const char *mode;
  guchar     *pixels;
  gsize       stride;
  int         width, height;
  double      worst_text;    /* the lowest contrast of a text outside buttons */
  double      worst_button;  /* ... and on a button */
  char       *worst_text_where;
  char       *worst_button_where;
  guint       measured;
  GString    *failures;
} Measure;

/* Where @widget is drawn, clipped to what encloses it (a scrolled page
 * shows only part of what it holds); %FALSE when nothing of it is. */
static gboolean
drawn_area (GtkWidget       *widget,
            GtkWidget       *window,
            graphene_rect_t *area)
{
  if (!gtk_widget_compute_bounds (widget, window, area))
    return FALSE;

  for (GtkWidget *up = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
       up != NULL;
       up = gtk_widget_get_ancestor (gtk_widget_get_parent (up), GTK_TYPE_SCROLLED_WINDOW))
    {
      graphene_rect_t clip;

      if (!gtk_widget_compute_bounds (up, window, &clip) ||
          !graphene_rect_intersection (area, &clip, area))
        return FALSE;
      if (gtk_widget_get_parent (up) == NULL)
        break;
    }

  return graphene_rect_intersection (area,
                                     &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window),
                                                          gtk_widget_get_height (window)),
                                     area);
}

/* The label's text against its background, in the pixels drawn: the
 * background is the commonest colour in the label's area, the text the
 * pixel that differs most from it. */
static void
measure_label (Measure    *m,
               GtkWidget  *label,
               GtkWidget  *window,
               const char *screen)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t area, whole;
  guint32 background = 0;
  guint most = 0;
  double bg_luminance, best = 1.0;
  gboolean on_button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON) != NULL;
  int x0, y0, x1, y1;

  /* What is partly scrolled out of sight is measured once scrolled to. */
  if (!drawn_area (label, window, &area) ||
      !gtk_widget_compute_bounds (label, window, &whole) ||
      area.size.width < whole.size.width - 1 || area.size.height < whole.size.height - 1)
    return;

  x0 = ceil (area.origin.x);
  y0 = ceil (area.origin.y);
  x1 = MIN ((int) floor (area.origin.x + area.size.width), m->width);
  y1 = MIN ((int) floor (area.origin.y + area.size.height), m->height);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(guint32 *) (m->pixels + y * m->stride + x * 4) & 0xffffff;
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (count));
        if (count > most)
          {
            most = count;
            background = pixel;
          }
      }

  bg_luminance = luminance ((guint8 *) &background);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      best = MAX (best, contrast (bg_luminance, luminance (m->pixels + y * m->stride + x * 4)));

  m->measured++;
  if (on_button ? best < m->worst_button : best < m->worst_text)
    {
      char **where = on_button ? &m->worst_button_where : &m->worst_text_where;

      *(on_button ? &m->worst_button : &m->worst_text) = best;
      g_free (*where);
      *where = g_strdup_printf ("“%s” on %s", gtk_label_get_text (GTK_LABEL (label)), screen);
    }
  if (best < (on_button ? 4.5 : 7.0))
    g_string_append_printf (m->failures, "%s: “%s” on %s is %.2f:1 (background #%06x)\n",
                            m->mode, gtk_label_get_text (GTK_LABEL (label)), screen, best, background);
}

static void
measure_tree (Measure    *m,
              GtkWidget  *widget,
              GtkWidget  *window,
              const char *screen)
{
  if (!gtk_widget_is_drawable (widget))
    return;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    measure_label (m, widget, window, screen);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    measure_tree (m, child, window, screen);
}

static void
measure_screen (Fixture    *fixture,
                const char *screen,
                gpointer    user_data)
{
  Measure *m = user_data;
  GtkWidget *window = lotsen_ui_fixture_root (fixture);
  g_autoptr(GdkTexture) texture = NULL;

  lotsen_test_ui_wait (window);
  texture = lotsen_test_ui_render (window);
  g_assert_nonnull (texture);
  m->width = gdk_texture_get_width (texture);
  m->height = gdk_texture_get_height (texture);
  m->stride = m->width * 4;
  m->pixels = g_malloc (m->stride * m->height);
  gdk_texture_download (texture, m->pixels, m->stride);

  measure_tree (m, window, window, screen);

  g_clear_pointer (&m->pixels, g_free);
}

static void
measure_every_screen (Fixture    *fixture,
                      const char *mode)
{
  Measure m = { .mode = mode, .worst_text = 21, .worst_button = 21, .failures = g_string_new (NULL),
                .worst_text_where = g_strdup ("none"), .worst_button_where = g_strdup ("none") };

  visit_every_screen (fixture, measure_screen, &m);

  g_test_message ("%s: %u texts measured; lowest contrast %.2f:1 (%s), on buttons %.2f:1 (%s)",
                  mode, m.measured, m.worst_text, m.worst_text_where, m.worst_button, m.worst_button_where);
  g_assert_cmpuint (m.measured, >, 100);
  if (m.failures->len > 0)
    g_error ("Texts under 7:1 (4.5:1 on buttons):\n%s", m.failures->str);

  g_string_free (m.failures, TRUE);
  g_free (m.worst_text_where);
  g_free (m.worst_button_where);
}

/* Every text on every visitor screen, as drawn: at least 7:1 against its
 * background, and 4.5:1 on buttons (large text, WCAG 2.1 1.4.6). */
static void
test_contrast (Fixture       *fixture,
               gconstpointer  data)
{
  measure_every_screen (fixture, "normal");
}

/* Chosen again whenever the visit ends and forgets it. */
static void
keep_large_text_cb (LotsenWindow *window)
{
  lotsen_window_set_text_scale (window, 200);
}

static void
test_contrast_large (Fixture       *fixture,
                     gconstpointer  data)
{
  lotsen_window_set_text_scale (fixture->window, 200);
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  g_signal_connect_swapped (fixture->window, "notify::text-scale",
                            G_CALLBACK (keep_large_text_cb), fixture->window);
  measure_every_screen (fixture, "200 %");
}

/* Chosen again whenever the visit ends and forgets it. */
static void
keep_high_contrast_cb (LotsenWindow *window)
{
  lotsen_window_set_high_contrast (window, TRUE);
}

static void
test_contrast_high (Fixture       *fixture,
                    gconstpointer  data)
{
  lotsen_window_set_high_contrast (fixture->window, TRUE);
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  /* The choice lasts the visit: the walk ends the visit once, so the
   * screens after that are measured after choosing again. */
  g_signal_connect_swapped (fixture->window, "notify::high-contrast",
                            G_CALLBACK (keep_high_contrast_cb), fixture->window);
  measure_every_screen (fixture, "high contrast");
}

static int
font_size_of (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontDescription *font = pango_context_get_font_description (context);

  return pango_font_description_get_size (font) / PANGO_SCALE;
}

static GtkWidget *
find_class (GtkWidget  *root,
            const char *klass)
{
  if (gtk_widget_is_drawable (root) && gtk_widget_has_css_class (root, klass))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_class (child, klass);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opens the text size and contrast panel beside the languages. */
static GtkWidget *
open_view_options (Fixture *fixture)
{
  GtkWidget *button = find_class (lotsen_ui_fixture_root (fixture), "view-options-button");

  g_assert_nonnull (button);
  g_assert_cmpint (gtk_widget_get_width (button), >=, 72);
  g_assert_cmpint (gtk_widget_get_height (button), >=, 72);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
}

/* Larger text and high contrast are chosen from every visitor screen,
 * make the text that much larger, and end with the visit. */
static void
test_text_size (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const screens[] = { "welcome", "queue", "activities", "register", "sign-in" };
  GtkWidget *window = lotsen_ui_fixture_root (fixture);
  GtkWidget *popover, *title;
  int normal;

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      gtk_widget_activate_action (window, "win.show-page", "s", screens[i]);
      lotsen_test_ui_wait (window);
      popover = open_view_options (fixture);
      g_assert_true (gtk_widget_get_mapped (popover));
      lotsen_test_ui_assert_touch (popover, "the text size panel");
      gtk_popover_popdown (GTK_POPOVER (popover));
    }
  gtk_widget_activate_action (window, "win.go-home", NULL);
  lotsen_test_ui_wait (window);

  title = find_class (window, "page-title");
  g_assert_nonnull (title);
  normal = font_size_of (title);
  g_assert_cmpint (normal, ==, 52);

  popover = open_view_options (fixture);
  lotsen_ui_fixture_tap (fixture, "win.text-size", "200");
  if (g_getenv ("LOTSEN_SEEING_SCREENSHOTS") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LOTSEN_SEEING_SCREENSHOTS"), "view-options.png", NULL);

      g_mkdir_with_parents (g_getenv ("LOTSEN_SEEING_SCREENSHOTS"), 0755);
      g_assert_true (lotsen_test_ui_save_png (popover, path, NULL));
    }
  g_assert_true (gtk_widget_has_css_class (window, "text-200"));
  g_assert_cmpuint (lotsen_window_get_text_scale (fixture->window), ==, 200);
  g_assert_cmpint (font_size_of (find_class (window, "page-title")), ==, 2 * normal);

  lotsen_ui_fixture_tap (fixture, "win.text-size", "150");
  g_assert_false (gtk_widget_has_css_class (window, "text-200"));
  g_assert_true (gtk_widget_has_css_class (window, "text-150"));
  g_assert_cmpint (font_size_of (find_class (window, "page-title")), ==, 78);

  lotsen_ui_fixture_tap (fixture, "win.high-contrast", NULL);
  g_assert_true (gtk_widget_has_css_class (window, "high-contrast"));
  g_assert_true (lotsen_window_get_high_contrast (fixture->window));

  /* On to another screen: the choice stays. */
  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
  g_assert_true (gtk_widget_has_css_class (window, "text-150"));
  g_assert_true (gtk_widget_has_css_class (window, "high-contrast"));

  /* The visit ends: the next visitor gets the normal screen. */
  lotsen_ui_fixture_tap (fixture, "win.go-home", NULL);
  lotsen_clock_advance (fixture->clock, 200);
  lotsen_test_ui_wait (window);
  lotsen_ui_fixture_assert_page (fixture, "welcome");
  g_assert_false (gtk_widget_has_css_class (window, "text-150"));
  g_assert_false (gtk_widget_has_css_class (window, "high-contrast"));
  g_assert_cmpuint (lotsen_window_get_text_scale (fixture->window), ==, 100);
  g_assert_cmpint (font_size_of (find_class (window, "page-title")), ==, normal);

  /* And when the visitor says they are done. */
  lotsen_window_set_text_scale (fixture->window, 200);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
  lotsen_ui_fixture_tap (fixture, "win.take-ticket", "A");
  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);
  g_assert_false (gtk_widget_has_css_class (window, "text-200"));
}

/* The buttons that take a visitor on or back. */
static gboolean
is_main_button (GtkWidget *widget)
{
  const char * const actions[] = {
    "win.go-home", "register.back", "register.next", "signup.back", "signup.next",
    "win.accept-consent", "win.decline-consent", "win.sign-in", "win.sign-up", "win.finish-visit",
  };
  const char *action;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_is_drawable (widget) ||
      gtk_widget_get_ancestor (widget, g_type_from_name ("LotsenKeyboard")) != NULL)
    return FALSE;
  /* A main choice on a page that scrolls may be scrolled to (the
   * scroll is there to be seen); outside the scroll it must be in sight. */
  if (gtk_widget_has_css_class (widget, "suggested-action") &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) == NULL)
    return TRUE;

  action = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));
  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (action, actions[i]))
      return TRUE;
  return FALSE;
}

static void
collect_main_buttons (GtkWidget *widget,
                      GPtrArray *found)
{
  if (is_main_button (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_main_buttons (child, found);
}

static void
assert_main_buttons_in_sight (Fixture    *fixture,
                              const char *screen,
                              gpointer    user_data)
{
  GtkWidget *window = lotsen_ui_fixture_root (fixture);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  const int *size = user_data;

  /* The window did not have to grow to hold the screen. */
  if (width > size[0] || height > size[1])
    g_error ("The %s screen needs %d×%d, more than %d×%d", screen, width, height, size[0], size[1]);

  collect_main_buttons (window, buttons);
  if (!g_str_equal (screen, "welcome") && !g_str_equal (screen, "activities"))
    g_assert_cmpuint (buttons->len, >, 0);

  for (guint i = 0; i < buttons->len; i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (buttons->pdata[i], window, &bounds));
      if (bounds.origin.x < 0 || bounds.origin.y < 0 ||
          bounds.origin.x + bounds.size.width > width + 0.5 ||
          bounds.origin.y + bounds.size.height > height + 0.5)
        g_error ("At %d×%d the button for %s on the %s screen is at %.0f,%.0f %.0f×%.0f, beyond the edge",
                 width, height,
                 gtk_actionable_get_action_name (GTK_ACTIONABLE (buttons->pdata[i])), screen,
                 bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
    }

  /* A page that goes on below shows its scroll bar, in every direction. */
  {
    g_autoptr(GPtrArray) scrolled = lotsen_test_ui_collect (window, GTK_TYPE_SCROLLED_WINDOW);

    for (guint i = 0; i < scrolled->len; i++)
      {
        GtkWidget *bar = gtk_scrolled_window_get_vscrollbar (scrolled->pdata[i]);
        graphene_rect_t bounds, view;

        if (!gtk_widget_get_mapped (bar) || !gtk_widget_get_mapped (scrolled->pdata[i]))
          continue;
        g_assert_true (gtk_widget_compute_bounds (bar, window, &bounds));
        g_assert_true (gtk_widget_compute_bounds (scrolled->pdata[i], window, &view));
        if (view.size.width < 1 || view.size.height < 1)
          continue;
        if (bounds.origin.x < view.origin.x - 0.5 ||
            bounds.origin.x + bounds.size.width > view.origin.x + view.size.width + 0.5)
          g_error ("At %d×%d the scroll bar on the %s screen is at x %.0f, outside its page (x %.0f to %.0f)",
                   width, height, screen, bounds.origin.x, view.origin.x, view.origin.x + view.size.width);
      }
  }
}

typedef struct
{
  const char *language;
  guint       scale;
  gboolean    high_contrast;
} ViewChoice;

/* Chosen again whenever the visit ends. */
static void
keep_choice_cb (LotsenWindow *window,
                GParamSpec   *pspec,
                ViewChoice   *choice)
{
  lotsen_window_set_language (window, choice->language);
  lotsen_window_set_text_scale (window, choice->scale);
  lotsen_window_set_high_contrast (window, choice->high_contrast);
}

/* On the screen sizes kiosks have, at 100 and 200 % (and in high contrast
 * in Arabic), the buttons that take the visitor on
 * or back are in sight on every screen, without scrolling. */
static void
test_main_buttons_in_sight (Fixture       *fixture,
                            gconstpointer  data)
{
  const ViewChoice choices[] = {
    { "sv", 100, FALSE }, { "sv", 100, FALSE }, { "sv", 100, FALSE }, { "sv", 200, FALSE }, { "ar", 200, TRUE },
  };
  const struct { int width, height; } sizes[] = {
    { 1280, 800 }, { 1366, 768 }, { 1080, 1920 }, { 1280, 800 }, { 1080, 1920 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int size[2] = { sizes[i].width, sizes[i].height };
      gulong id;
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
      GdkRectangle screen;

      gdk_monitor_get_geometry (monitor, &screen);
      if (screen.width < size[0] || screen.height < size[1])
        {
          g_test_message ("The screen is %d×%d: no room for %d×%d", screen.width, screen.height, size[0], size[1]);
          continue;
        }

      lotsen_ui_fixture_close_window (fixture);
      lotsen_ui_fixture_open_window (fixture, sizes[i].width, sizes[i].height);
      keep_choice_cb (fixture->window, NULL, (ViewChoice *) &choices[i]);
      id = g_signal_connect (fixture->window, "notify::text-scale", G_CALLBACK (keep_choice_cb),
                             (gpointer) &choices[i]);
      visit_every_screen (fixture, assert_main_buttons_in_sight, size);
      g_signal_handler_disconnect (fixture->window, id);
      lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);
    }
}

/* No image or control is named by its class (GtkImage, GtkPicture ...),
 * and every image that is not mere decoration has a name. */
static void
assert_named_for_meaning (Fixture    *fixture,
                          const char *screen,
                          gpointer    user_data)
{
  g_autoptr(GPtrArray) reachable = lotsen_test_ui_collect_reachable (lotsen_ui_fixture_root (fixture));

  for (guint i = 0; i < reachable->len; i++)
    {
      GtkWidget *widget = reachable->pdata[i];
      GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
      g_autofree char *differs = NULL;

      if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          differs = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                        G_OBJECT_TYPE_NAME (widget));
          if (differs == NULL)
            g_error ("On the %s screen a %s is named by its class", screen, G_OBJECT_TYPE_NAME (widget));
        }
      if (gtk_accessible_get_accessible_role (accessible) == GTK_ACCESSIBLE_ROLE_IMG &&
          !gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_error ("On the %s screen an image (%s, %s) has no name", screen, G_OBJECT_TYPE_NAME (widget),
                 GTK_IS_IMAGE (widget) ? gtk_image_get_icon_name (GTK_IMAGE (widget)) : "");
    }
}

static void
test_named_for_meaning (Fixture       *fixture,
                        gconstpointer  data)
{
  visit_every_screen (fixture, assert_named_for_meaning, NULL);
}

static void
check_interpreter_names (Fixture    *fixture,
                         const char *screen,
                         gpointer    user_data)
{
  GtkWidget *root = lotsen_ui_fixture_root (fixture);
  GtkWidget *interpreter = NULL;
  g_autofree char *same = NULL;
  g_autofree char *expected = NULL;

  if (g_str_equal (screen, "ticket-interpreter"))
    interpreter = lotsen_test_ui_find_action (root, "win.set-interpreter", "ar");
  else if (g_str_equal (screen, "register-interests"))
    {
      g_autoptr(GPtrArray) choices = lotsen_test_ui_collect (root, GTK_TYPE_TOGGLE_BUTTON);

      for (guint i = 0; i < choices->len; i++)
        if (g_strcmp0 (gtk_widget_get_name (choices->pdata[i]), "ar") == 0 &&
            g_strcmp0 (g_object_get_data (choices->pdata[i], "kind"), "interpreter") == 0)
          interpreter = choices->pdata[i];
    }
  else if (g_str_equal (screen, "code"))
    {
      const char *code = lotsen_visit_get_visitor_code (lotsen_window_get_visit (fixture->window));
      GtkWidget *qr = lotsen_test_ui_find (root, GTK_TYPE_PICTURE, NULL);
      g_autoptr(GString) letters = g_string_new (NULL);
      g_autofree char *name = NULL;
      g_autofree char *differs = NULL;

      for (const char *c = code; *c != '\0'; c++)
        g_string_append_printf (letters, "%s%c", letters->len ? " " : "", *c);
      name = g_strdup_printf ("QR-kod för din personliga kod %s", letters->str);
      g_assert_nonnull (qr);
      differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (qr), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      g_assert_null (differs);
      return;
    }
  else
    return;

  /* The language grid says "العربية"; asking for an Arabic interpreter
   * is another button, with another name. */
  g_assert_nonnull (interpreter);
  same = gtk_test_accessible_check_property (GTK_ACCESSIBLE (interpreter), GTK_ACCESSIBLE_PROPERTY_LABEL, "العربية");
  g_assert_nonnull (same);
  expected = gtk_test_accessible_check_property (GTK_ACCESSIBLE (interpreter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Tolk: arabiska (العربية)");
  if (expected != NULL)
    g_error ("On the %s screen: %s", screen, expected);
  (*(guint *) user_data)++;
}

/* The interpreter buttons are named apart from the language bar's, and
 * the QR code for the code it holds. */
static void
test_distinct_names (Fixture       *fixture,
                     gconstpointer  data)
{
  guint checked = 0;

  visit_every_screen (fixture, check_interpreter_names, &checked);
  g_assert_cmpuint (checked, ==, 2);
}

/* A message to the visitor ("Your sign-up is cancelled.") is in the page,
 * at the kiosk's text size, with a 72 px close button named for what it
 * does, and no toast. */
static void
test_message (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *root = lotsen_ui_fixture_root (fixture);
  GtkWidget *message, *label;
  GType toast = g_type_from_name ("AdwToastWidget");

  visit_every_screen (fixture, assert_named_for_meaning, NULL);
  lotsen_ui_fixture_assert_page (fixture, "my-signups");
  lotsen_ui_fixture_tap (fixture, "win.cancel-signup", NULL);
  lotsen_ui_fixture_tap (fixture, "win.confirm-cancel-signup", NULL);

  message = find_class (root, "kiosk-message");
  g_assert_nonnull (message);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (message)), ==, GTK_ACCESSIBLE_ROLE_ALERT);
  label = lotsen_test_ui_find_label (message, "Din anmälan är avbokad.");
  g_assert_nonnull (label);
  g_assert_cmpint (font_size_of (label), >=, 26);
  lotsen_test_ui_assert_touch (message, "the message");
  assert_named_for_meaning (fixture, "my-signups", NULL);
  if (toast != 0)
    g_assert_null (lotsen_test_ui_find (root, toast, NULL));

  lotsen_ui_fixture_tap (fixture, "win.close-message", NULL);
  g_assert_null (find_class (root, "kiosk-message"));
}

/* Staff see the interpreter language in their own language. */
static void
test_staff_interpreter_language (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (fixture->store, "A", "ar", &error);

  g_assert_no_error (error);
  g_assert_true (lotsen_queue_set_interpreter (fixture->store, ticket->id, "ar", &error));
  g_assert_no_error (error);

  lotsen_test_ui_unlock_staff (fixture->window, "4321");
  lotsen_ui_fixture_assert_page (fixture, "staff");
  g_assert_true (lotsen_test_ui_holds_text (lotsen_window_get_page (fixture->window, "staff"), "tolk: arabiska"));
  g_assert_false (lotsen_test_ui_holds_text (lotsen_window_get_page (fixture->window, "staff"), "العربية"));
}

/* The activity editor's pictograms are named for what they stand for;
 * the images inside the named toggles are not read a second time. */
static void
test_editor_pictograms (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *coffee;

  lotsen_test_ui_unlock_staff (fixture->window, "4321");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "staff-activities");
  lotsen_ui_fixture_tap (fixture, "activities.new", NULL);
  coffee = lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), GTK_TYPE_TOGGLE_BUTTON, "lotsen-coffee-symbolic");
  g_assert_nonnull (coffee);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (coffee), GTK_ACCESSIBLE_PROPERTY_LABEL, "Kaffe"));
  assert_named_for_meaning (fixture, "activity editor", NULL);
}

/* The export page offers folders as big tiles: the kiosk's own export
 * folder and the home folder (and each USB stick), no file chooser. */
static void
test_export_folders (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *kiosk = g_build_filename (fixture->dir, "exports", NULL);
  GtkWidget *page, *tile;

  lotsen_test_ui_unlock_staff (fixture->window, "4321");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "staff-export");
  page = lotsen_window_get_page (fixture->window, "staff-export");
  g_assert_nonnull (page);
  g_assert_null (lotsen_test_ui_find_action (page, "export.choose-folder", NULL));
  g_assert_null (lotsen_export_page_get_folder (LOTSEN_EXPORT_PAGE (page)));

  tile = lotsen_test_ui_find_action (page, "export.folder", g_get_home_dir ());
  g_assert_nonnull (tile);
  g_assert_true (g_file_test (kiosk, G_FILE_TEST_IS_DIR));
  tile = lotsen_test_ui_find_action (page, "export.folder", kiosk);
  g_assert_nonnull (tile);
  g_assert_cmpint (gtk_widget_get_height (tile), >=, 72);
  g_assert_cmpint (gtk_widget_get_width (tile), >=, 72);
  lotsen_test_ui_assert_touch (page, "the export page");
  assert_named_for_meaning (fixture, "export", NULL);

  lotsen_test_ui_click (tile);
  g_assert_cmpstr (lotsen_export_page_get_folder (LOTSEN_EXPORT_PAGE (page)), ==, kiosk);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tile)));
}

typedef struct
{
  const char *dir;
  const char *prefix;
} Shots;

static void
shoot_screen (Fixture    *fixture,
              const char *screen,
              gpointer    user_data)
{
  Shots *shots = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%s.png", shots->prefix, screen);
  g_autofree char *path = g_build_filename (shots->dir, name, NULL);

  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  g_assert_true (lotsen_test_ui_save_png (lotsen_ui_fixture_root (fixture), path, &error));
  g_assert_no_error (error);
}

/* With LOTSEN_SEEING_SCREENSHOTS=DIR: every visitor screen at 200 % and
 * in high contrast, in Swedish, Arabic and Tigrinya, landscape and
 * portrait, to look at. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("LOTSEN_SEEING_SCREENSHOTS");
  const char * const languages[] = { "sv", "ar", "ti" };
  const struct { int width, height; } sizes[] = { { 1280, 800 }, { 1080, 1920 } };
  const ViewChoice modes[] = { { NULL, 200, FALSE }, { NULL, 100, TRUE }, { NULL, 200, TRUE } };

  if (dir == NULL)
    {
      g_test_skip ("LOTSEN_SEEING_SCREENSHOTS is not set");
      return;
    }
  g_mkdir_with_parents (dir, 0755);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
        {
          ViewChoice choice = modes[m];
          g_autofree char *prefix = NULL;
          Shots shots = { dir, NULL };
          gulong id;

          choice.language = languages[l];
          prefix = g_strdup_printf ("%dx%d-%s-%u%s", sizes[s].width, sizes[s].height, languages[l],
                                    choice.scale, choice.high_contrast ? "-hc" : "");
          shots.prefix = prefix;
          lotsen_ui_fixture_close_window (fixture);
          lotsen_ui_fixture_open_window (fixture, sizes[s].width, sizes[s].height);
          keep_choice_cb (fixture->window, NULL, &choice);
          id = g_signal_connect (fixture->window, "notify::text-scale", G_CALLBACK (keep_choice_cb), &choice);
          visit_every_screen (fixture, shoot_screen, &shots);
          g_signal_handler_disconnect (fixture->window, id);
        }
}

int
main (int   argc,
      char *argv[])
{
  lotsen_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, lotsen_ui_fixture_tear_down_test)

  ADD ("/seeing/contrast", test_contrast);
  ADD ("/seeing/contrast-high", test_contrast_high);
  ADD ("/seeing/contrast-large", test_contrast_large);
  ADD ("/seeing/text-size", test_text_size);
  ADD ("/seeing/main-buttons-in-sight", test_main_buttons_in_sight);
  ADD ("/seeing/named-for-meaning", test_named_for_meaning);
  ADD ("/seeing/distinct-names", test_distinct_names);
  ADD ("/seeing/message", test_message);
  ADD ("/seeing/staff-interpreter-language", test_staff_interpreter_language);
  ADD ("/seeing/editor-pictograms", test_editor_pictograms);
  ADD ("/seeing/export-folders", test_export_folders);
  ADD ("/seeing/screenshots", test_screenshots);

  return g_test_run ();
}
