/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers for driving the real widgets in-process under Xvfb. */

#include "config.h"

#include <adwaita.h>
#include <execinfo.h>
#include <unistd.h>

#include "lotsen-demo.h"
#include "lotsen-i18n.h"
#include "lotsen-staff.h"
#include "lotsen-test-core.h"
#include "lotsen-test-ui.h"
#include "lotsen-window.h"

/**
 * lotsen_test_ui_init:
 *
 * Sets up GTK the way LotsenApplication does (libadwaita, our style
 * sheets, our pictograms), with animations off so every frame is final.
 */
/* A critical (an object used after it was finalized, say) ends the test
 * under G_DEBUG=fatal-warnings; the stack where it happened goes to the
 * test's log first, so that a failure seen once can be found. */
static GLogWriterOutput
write_log_cb (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (log_level & G_LOG_LEVEL_CRITICAL)
    {
      void *frames[64];
      int n_frames = backtrace (frames, G_N_ELEMENTS (frames));

      backtrace_symbols_fd (frames, n_frames, STDERR_FILENO);
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
lotsen_test_ui_init (int    *argc,
                     char ***argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  const char *localedir = g_getenv ("LOTSEN_LOCALEDIR");

  g_log_set_writer_func (write_log_cb, NULL, NULL);
  lotsen_i18n_init (localedir ? localedir : LOCALEDIR);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
}

/**
 * lotsen_ui_fixture_set_up_at:
 * @now: unix seconds the clock stays at, or 0 for the real time
 *
 * Opens a new database with the demo data and shows a kiosk window of
 * @width × @height on it, drawn.
 */
void
lotsen_ui_fixture_set_up_at (LotsenUiFixture *fixture,
                             gint64           now,
                             int              width,
                             int              height)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("lotsen-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "lotsen.db", NULL);
  fixture->clock = now != 0 ? lotsen_clock_new_fixed (now) : NULL;
  fixture->store = lotsen_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_true (lotsen_demo_seed (fixture->store, &error));

  lotsen_ui_fixture_open_window (fixture, width, height);
}

/**
 * lotsen_ui_fixture_set_up:
 * @fixed_clock: %TRUE for a clock that stays at %TEST_NOW
 */
void
lotsen_ui_fixture_set_up (LotsenUiFixture *fixture,
                          gboolean         fixed_clock,
                          int              width,
                          int              height)
{
  lotsen_ui_fixture_set_up_at (fixture, fixed_clock ? TEST_NOW : 0, width, height);
}

/* A new kiosk window on the fixture's store, as after a restart. */
void
lotsen_ui_fixture_open_window (LotsenUiFixture *fixture,
                               int              width,
                               int              height)
{
  g_assert_null (fixture->window);

  fixture->window = g_object_ref (lotsen_window_new (NULL, fixture->store, NULL, NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lotsen_test_ui_wait (GTK_WIDGET (fixture->window));
}

/* Destroys @window and checks that nothing holds on to it. */
void
lotsen_test_ui_destroy_window (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Closes the window and checks that nothing holds on to it. */
void
lotsen_ui_fixture_close_window (LotsenUiFixture *fixture)
{
  lotsen_window_set_language (fixture->window, LOTSEN_DEFAULT_LANGUAGE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  fixture->window = NULL;
}

/* Closes the window, checks that nothing holds on to it or the store,
 * and removes the database. */
void
lotsen_ui_fixture_tear_down (LotsenUiFixture *fixture)
{
  if (fixture->window != NULL)
    lotsen_ui_fixture_close_window (fixture);
  g_assert_finalize_object (fixture->store);
  if (fixture->clock != NULL)
    g_assert_finalize_object (fixture->clock);

  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Types @pin on the staff keypad and taps OK. */
void
lotsen_test_ui_type_pin (GtkWidget  *window,
                         const char *pin)
{
  for (const char *d = pin; *d != '\0'; d++)
    {
      char digit[2] = { *d, '\0' };
      lotsen_test_ui_tap (window, "win.pin-key", digit);
    }
  lotsen_test_ui_tap (window, "win.pin-ok", NULL);
}

/* Staff mode the first time: the demo PIN, then @new_pin twice. */
void
lotsen_test_ui_unlock_staff (LotsenWindow *window,
                             const char   *new_pin)
{
  lotsen_test_ui_tap (GTK_WIDGET (window), "win.show-page", "staff");
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "staff-pin");
  lotsen_test_ui_type_pin (GTK_WIDGET (window), LOTSEN_STAFF_DEMO_PIN);
  lotsen_test_ui_type_pin (GTK_WIDGET (window), new_pin);
  lotsen_test_ui_type_pin (GTK_WIDGET (window), new_pin);
  g_assert_cmpstr (lotsen_window_get_page_name (window), ==, "staff");
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the window has laid out and drawn what it
 * shows now. */
void
lotsen_test_ui_wait (GtkWidget *window)
{
  gboolean done = FALSE;

  gtk_test_widget_wait_for_draw (window);

  g_timeout_add (10, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
walk (GtkWidget *widget,
      gboolean (*match) (GtkWidget *, gconstpointer, gconstpointer),
      gconstpointer a,
      gconstpointer b,
      GPtrArray *found,
      GtkWidget **first)
{
  if (match (widget, a, b))
    {
      if (found != NULL)
        g_ptr_array_add (found, widget);
      else
        {
          *first = widget;
          return TRUE;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (walk (child, match, a, b, found, first))
      return TRUE;

  return FALSE;
}

static gboolean
is_visible_in_tree (GtkWidget *widget)
{
  return gtk_widget_is_drawable (widget);
}

static gboolean
match_type_name (GtkWidget     *widget,
                 gconstpointer  a,
                 gconstpointer  b)
{
  return is_visible_in_tree (widget) &&
         G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (a)) &&
         (b == NULL || g_strcmp0 (gtk_widget_get_name (widget), b) == 0);
}

GtkWidget *
lotsen_test_ui_find (GtkWidget  *root,
                     GType       type,
                     const char *name)
{
  GtkWidget *first = NULL;

  walk (root, match_type_name, GSIZE_TO_POINTER (type), name, NULL, &first);
  return first;
}

static gboolean
match_action (GtkWidget     *widget,
              gconstpointer  a,
              gconstpointer  b)
{
  GVariant *target;

  if (!is_visible_in_tree (widget) || !GTK_IS_ACTIONABLE (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), a) != 0)
    return FALSE;

  if (b == NULL)
    return TRUE;

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  if (target == NULL)
    return FALSE;
  if (g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
    return g_str_equal (g_variant_get_string (target, NULL), b);

  /* Numbers and the like, as written without their type: "42". */
  {
    g_autofree char *text = g_variant_print (target, FALSE);

    return g_str_equal (text, b);
  }
}

/* The visible button that activates @action_name (with @target, when given). */
GtkWidget *
lotsen_test_ui_find_action (GtkWidget  *root,
                            const char *action_name,
                            const char *target)
{
  GtkWidget *first = NULL;

  walk (root, match_action, action_name, target, NULL, &first);
  return first;
}

static gboolean
match_label (GtkWidget     *widget,
             gconstpointer  a,
             gconstpointer  b)
{
  return is_visible_in_tree (widget) && GTK_IS_LABEL (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), a) == 0;
}

GtkWidget *
lotsen_test_ui_find_label (GtkWidget  *root,
                           const char *text)
{
  GtkWidget *first = NULL;

  walk (root, match_label, text, NULL, NULL, &first);
  return first;
}

/**
 * lotsen_test_ui_collect:
 *
 * Returns: (transfer container): every drawable widget of @type under @root
 */
GPtrArray *
lotsen_test_ui_collect (GtkWidget *root,
                        GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  walk (root, match_type_name, GSIZE_TO_POINTER (type), NULL, found, NULL);
  return found;
}

/**
 * lotsen_test_ui_assert_touch:
 * @where: what is on screen, for the message
 *
 * Every visible button under @root is a touch target of at least 72×72
 * px and has an accessible name.
 */
void
lotsen_test_ui_assert_touch (GtkWidget  *root,
                             const char *where)
{
  g_autoptr(GPtrArray) buttons = lotsen_test_ui_collect (root, GTK_TYPE_BUTTON);

  g_assert_cmpuint (buttons->len, >, 0);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = buttons->pdata[i];
      GtkAccessible *accessible = GTK_ACCESSIBLE (button);

      if (gtk_widget_get_width (button) < 72 || gtk_widget_get_height (button) < 72)
        g_error ("A button on %s is %d×%d px, under 72 px", where,
                 gtk_widget_get_width (button), gtk_widget_get_height (button));

      if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_error ("A button on %s has no accessible name", where);
    }
}

/* Activates @button as a tap would, then lets the main loop run. */
void
lotsen_test_ui_click (GtkWidget *button)
{
  GtkRoot *root;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));

  root = gtk_widget_get_root (button);
  g_object_ref (root);
  /* What a tap ends in.  (gtk_widget_activate() would first show the
   * button pressed for a quarter of a second.) */
  if (GTK_IS_BUTTON (button))
    g_signal_emit_by_name (button, "clicked");
  else
    gtk_widget_activate (button);
  lotsen_test_ui_wait (GTK_WIDGET (root));
  g_object_unref (root);
}

/* Taps the visible button for @action_name (and @target) in @window;
 * there must be one. */
void
lotsen_test_ui_tap (GtkWidget  *window,
                    const char *action_name,
                    const char *target)
{
  GtkWidget *button = lotsen_test_ui_find_action (window, action_name, target);

  if (button == NULL)
    g_error ("No visible button for %s(%s) on the %s page", action_name, target ? target : "",
             lotsen_window_get_page_name (LOTSEN_WINDOW (window)));
  lotsen_test_ui_click (button);
}

/* Chooses @code as a visitor does: its tile on the first screen, or the
 * language button on any other and then the tile. */
void
lotsen_test_ui_choose_language (GtkWidget  *window,
                                const char *code)
{
  if (lotsen_test_ui_find_action (window, "win.language", code) == NULL)
    {
      lotsen_test_ui_tap (window, "win.choose-language", NULL);
      /* Only the languages can be reached now. */
      g_assert_null (lotsen_test_ui_find_action (window, "win.show-page", "staff"));
    }
  lotsen_test_ui_tap (window, "win.language", code);
  g_assert_cmpstr (lotsen_i18n_get_language (), ==, code);
  /* The page is back, and the grid is gone (unless it is the first page's). */
  g_assert_null (lotsen_test_ui_find_action (window, "win.close-languages", NULL));
}

/**
 * lotsen_test_ui_render:
 *
 * Returns: (transfer full) (nullable): @window as it is drawn now
 */
GdkTexture *
lotsen_test_ui_render (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  /* Right after a change the window may have no drawing yet: the next
   * frame brings one. */
  for (guint tries = 0; node == NULL && tries < 10; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (tries > 0)
        lotsen_test_ui_wait (window);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }

  if (node == NULL)
    return NULL;

  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

gboolean
lotsen_test_ui_save_png (GtkWidget   *window,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GdkTexture) texture = lotsen_test_ui_render (window);

  if (texture == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing drawn for %s", path);
      return FALSE;
    }

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", path);
      return FALSE;
    }

  return TRUE;
}

/* What a screen reader can reach over the accessibility bus in GTK 4.8:
 * every widget that is visible itself, under visible parents, whether it
 * is drawn or not (a page at the back of a stack is not drawn, and is
 * still reached), with a role other than "none", and not marked hidden. */
static void
collect_reachable (GtkWidget *widget,
                   GPtrArray *found)
{
  if (!gtk_widget_get_visible (widget))
    return;

  /* Hidden from assistive technology, with all inside it. */
  if (gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN))
    {
      g_autofree char *shown = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget),
                                                                GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

      if (shown == NULL)
        return;
    }

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) != GTK_ACCESSIBLE_ROLE_NONE)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_reachable (child, found);
}

/**
 * lotsen_test_ui_collect_reachable:
 *
 * Returns: (transfer container): every widget under @root that assistive
 *   technology can reach
 */
GPtrArray *
lotsen_test_ui_collect_reachable (GtkWidget *root)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_reachable (root, found);
  return found;
}

/**
 * lotsen_test_ui_assert_reach_is_screen:
 * @where: what is on screen, for the message
 *
 * Every control a screen reader can reach under @root is on screen, and
 * no field it can reach holds text that is not on screen.
 */
void
lotsen_test_ui_assert_reach_is_screen (GtkWidget  *root,
                                       const char *where)
{
  g_autoptr(GPtrArray) reachable = lotsen_test_ui_collect_reachable (root);

  for (guint i = 0; i < reachable->len; i++)
    {
      GtkWidget *widget = reachable->pdata[i];

      if ((GTK_IS_BUTTON (widget) || GTK_IS_EDITABLE (widget)) && !gtk_widget_get_mapped (widget))
        g_error ("On %s a screen reader reaches a %s (“%s”) that is not on screen", where,
                 G_OBJECT_TYPE_NAME (widget),
                 GTK_IS_EDITABLE (widget) ? gtk_editable_get_text (GTK_EDITABLE (widget))
                                          : gtk_widget_get_name (widget));
    }
}

/**
 * lotsen_test_ui_reaches_text:
 *
 * Returns: whether any field a screen reader can reach under @root holds
 *   @text
 */
gboolean
lotsen_test_ui_reaches_text (GtkWidget  *root,
                             const char *text)
{
  g_autoptr(GPtrArray) reachable = lotsen_test_ui_collect_reachable (root);

  for (guint i = 0; i < reachable->len; i++)
    if (GTK_IS_EDITABLE (reachable->pdata[i]) &&
        strstr (gtk_editable_get_text (GTK_EDITABLE (reachable->pdata[i])), text) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * lotsen_test_ui_holds_text:
 *
 * Returns: whether any field or label in the widget tree under @root,
 *   shown or not, holds @text
 */
gboolean
lotsen_test_ui_holds_text (GtkWidget  *root,
                           const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_EDITABLE (root))
    shown = gtk_editable_get_text (GTK_EDITABLE (root));
  else if (GTK_IS_LABEL (root))
    shown = gtk_label_get_text (GTK_LABEL (root));

  if (shown != NULL && strstr (shown, text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (lotsen_test_ui_holds_text (child, text))
      return TRUE;

  return FALSE;
}

/* GTest's tear-down for a #LotsenUiFixture. */
void
lotsen_ui_fixture_tear_down_test (LotsenUiFixture *fixture,
                                  gconstpointer    data)
{
  lotsen_ui_fixture_tear_down (fixture);
}

GtkWidget *
lotsen_ui_fixture_root (LotsenUiFixture *fixture)
{
  return GTK_WIDGET (fixture->window);
}

/* Taps the visible button for @action (and @target) in the fixture's window. */
void
lotsen_ui_fixture_tap (LotsenUiFixture *fixture,
                       const char      *action,
                       const char      *target)
{
  lotsen_test_ui_tap (GTK_WIDGET (fixture->window), action, target);
}

void
lotsen_ui_fixture_choose_language (LotsenUiFixture *fixture,
                                   const char      *code)
{
  lotsen_test_ui_choose_language (GTK_WIDGET (fixture->window), code);
}

void
lotsen_ui_fixture_assert_page (LotsenUiFixture *fixture,
                               const char      *name)
{
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, name);
}
