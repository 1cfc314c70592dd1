/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-window.c — the kiosk window: the language bar, the page on
 * screen and "Are you still there?".
 *
 * The window holds no visitor state of its own: the visit does
 * (LotsenVisit), and staff mode is the staff session's
 * (LotsenStaffSession).  The window shows one page at a time, made from
 * the page table (lotsen-window-pages.c) and destroyed when another is
 * shown; a language change builds everything anew in that language from
 * the visit, so every string is translated and the layout mirrors for
 * right-to-left languages without losing what the visitor did.
 */

#define G_LOG_DOMAIN "lotsen-window"

#include "config.h"

#include "lotsen-i18n.h"
#include "lotsen-idle-warning.h"
#include "lotsen-language-bar.h"
#include "lotsen-sleep-hours.h"
#include "lotsen-window-private.h"

#define DEFAULT_IDLE_TIMEOUT 90
#define DEFAULT_IDLE_WARNING 20

G_DEFINE_FINAL_TYPE (LotsenWindow, lotsen_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
lotsen_window_toast (LotsenWindow *self,
                     const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

guint
lotsen_window_get_setting (LotsenWindow *self,
                           const char   *key,
                           guint         fallback)
{
  return self->settings ? g_settings_get_uint (self->settings, key) : fallback;
}

/* Arms the idle timer while there is anything of the visitor's to wipe. */
static void
update_idle (LotsenWindow *self)
{
  if (self->idle == NULL)
    return;

  lotsen_idle_monitor_set_armed (self->idle,
                                 lotsen_visit_has_state (self->visit) ||
                                 g_strcmp0 (lotsen_i18n_get_language (), self->default_language) != 0);
  lotsen_idle_monitor_note_activity (self->idle);
}

static const char *
current_page_name (LotsenWindow *self)
{
  return self->visit && !self->out_of_order ? lotsen_visit_get_page (self->visit) : "problem";
}

/* Takes @page in and every other page out, so that only what is on
 * screen can be reached (by touch, keyboard or screen reader). */
static void
replace_pages (LotsenWindow *self,
               GtkWidget    *page)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages));

  gtk_stack_set_visible_child (self->pages, page);
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != page)
        gtk_stack_remove (self->pages, child);
      child = next;
    }
}

/**
 * lotsen_window_show_page:
 * @name: a page from the page table
 *
 * Shows @name, or where the visit and staff mode lead instead (a staff
 * page asks for the PIN while locked), and makes the page anew unless it
 * is already on screen.
 */
void
lotsen_window_show_page (LotsenWindow *self,
                         const char   *name)
{
  const LotsenPageInfo *info;
  GtkWidget *page = NULL;

  if (self->store == NULL || self->out_of_order)
    name = "problem";
  else
    name = lotsen_visit_resolve_page (self->visit, name);

  info = lotsen_window_lookup_page (name);
  if (info == NULL || (self->store != NULL && !self->out_of_order && g_str_equal (name, "problem")))
    {
      g_warning ("No page called “%s”", name);
      info = lotsen_window_lookup_page ("welcome");
    }
  if (info->needs_unlock && !lotsen_staff_session_get_unlocked (self->staff))
    info = lotsen_window_lookup_page ("staff-pin");

  /* Leaving staff mode locks it. */
  if (!info->staff && self->staff != NULL)
    lotsen_staff_session_lock (self->staff);

  if (g_str_equal (info->name, current_page_name (self)))
    page = gtk_stack_get_child_by_name (self->pages, info->name);
  if (page == NULL)
    {
      page = info->create (self);
      gtk_stack_add_named (self->pages, page, info->name);
    }

  if (info->refresh != NULL && !info->refresh (self, page))
    {
      if (page != gtk_stack_get_visible_child (self->pages))
        gtk_stack_remove (self->pages, page);
      lotsen_window_show_page (self, info->fallback);
      return;
    }

  replace_pages (self, page);
  if (self->visit != NULL)
    lotsen_visit_set_page (self->visit, info->name);

  /* Staff screens are not the visitor's: no language bar there. */
  gtk_widget_set_visible (self->language_bar, !info->staff);
  update_idle (self);
}

/* Builds everything the window shows, in the current language. */
static void
rebuild (LotsenWindow *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  g_autofree char *page = g_strdup (current_page_name (self));

  /* Translators: the kiosk's name; keep it as it is unless your script needs it. */
  gtk_window_set_title (GTK_WINDOW (self), _("Lotsen"));

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->language_bar = lotsen_language_bar_new ();
  gtk_box_append (GTK_BOX (self->content), self->language_bar);

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages), TRUE);
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->pages));

  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->content);
  adw_toast_overlay_set_child (self->toast_overlay, overlay);

  /* While it asks "Are you still there?", nothing beneath can be reached. */
  if (self->idle != NULL)
    {
      GtkWidget *warning = lotsen_idle_warning_new (self->idle);

      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), warning);
      g_object_bind_property (warning, "visible", self->content, "visible",
                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
    }

  /* In the sleep hours: black, over the warning too. */
  self->sleep_screen = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->sleep_screen, "sleep-screen");
  gtk_widget_set_visible (self->sleep_screen, self->asleep);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->sleep_screen);

  lotsen_window_show_page (self, page);
}

static void
set_asleep (LotsenWindow *self,
            gboolean      asleep)
{
  self->asleep = asleep;
  gtk_widget_set_visible (self->sleep_screen, asleep);
}

/* Once a second: in the sleep hours, a screen nobody has touched for the
 * idle timeout is wiped and goes black; out of them it wakes. */
static void
sleep_tick_cb (LotsenClock  *clock,
               gint64        now,
               LotsenWindow *self)
{
  g_autofree char *from = g_settings_get_string (self->settings, "sleep-from");
  g_autofree char *to = g_settings_get_string (self->settings, "sleep-to");
  g_autoptr(GDateTime) local = lotsen_store_to_local (self->store, now);
  guint timeout = lotsen_window_get_setting (self, "idle-timeout", DEFAULT_IDLE_TIMEOUT);

  if (!lotsen_sleep_hours_contain (from, to, local))
    {
      if (self->asleep)
        set_asleep (self, FALSE);
      return;
    }

  if (!self->asleep && now - self->last_input >= (gint64) timeout)
    {
      lotsen_window_reset_visit (self);
      set_asleep (self, TRUE);
    }
}

/* Any touch or key counts; while asleep it only wakes the screen, and
 * presses nothing beneath. */
static gboolean
sleep_input_cb (GtkEventControllerLegacy *controller,
                GdkEvent                 *event,
                LotsenWindow             *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
      self->last_input = lotsen_clock_get_now (lotsen_store_get_clock (self->store));
      if (self->asleep)
        {
          set_asleep (self, FALSE);
          return GDK_EVENT_STOP;
        }
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

/**
 * lotsen_window_reset_visit:
 *
 * The visitor is done, or walked away: the visit is forgotten, staff mode
 * locked, and the welcome page built anew in the default language, so no
 * widget keeps what they typed.
 */
void
lotsen_window_reset_visit (LotsenWindow *self)
{
  if (self->visit == NULL)
    return;

  lotsen_staff_session_lock (self->staff);
  lotsen_visit_reset (self->visit);

  if (g_strcmp0 (lotsen_i18n_get_language (), self->default_language) != 0)
    lotsen_window_set_language (self, self->default_language);
  else
    rebuild (self);
}

static void
lotsen_window_dispose (GObject *object)
{
  LotsenWindow *self = LOTSEN_WINDOW (object);

  if (self->idle != NULL)
    g_signal_handlers_disconnect_by_data (self->idle, self);
  if (self->store != NULL)
    g_clear_signal_handler (&self->sleep_tick_id, lotsen_store_get_clock (self->store));
  g_clear_handle_id (&self->out_of_order_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOTSEN_TYPE_WINDOW);
  g_clear_object (&self->idle);
  g_clear_object (&self->visit);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lotsen_window_parent_class)->dispose (object);
}

static void
lotsen_window_finalize (GObject *object)
{
  LotsenWindow *self = LOTSEN_WINDOW (object);

  g_free (self->store_problem);
  g_free (self->moved_aside);
  g_free (self->default_language);

  G_OBJECT_CLASS (lotsen_window_parent_class)->finalize (object);
}

static void
lotsen_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LotsenWindow *self = LOTSEN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, lotsen_window_get_language (self));
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->visit ? lotsen_visit_get_category (self->visit) : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LotsenWindow *self = LOTSEN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      lotsen_window_set_language (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      if (self->visit != NULL)
        lotsen_visit_set_category (self->visit, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
category_changed_cb (LotsenWindow *self)
{
  if (g_strcmp0 (current_page_name (self), "activities") == 0)
    lotsen_window_show_page (self, "activities");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

/* In kiosk mode a visitor cannot close the window, by any key or
 * request; staff end the kiosk from the staff panel. */
static gboolean
lotsen_window_close_request (GtkWindow *window)
{
  LotsenWindow *self = LOTSEN_WINDOW (window);

  if (self->kiosk_mode)
    {
      g_debug ("A request to close the kiosk window was refused");
      return TRUE;
    }

  if (GTK_WINDOW_CLASS (lotsen_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (lotsen_window_parent_class)->close_request (window);

  return FALSE;
}

static gboolean
go_out_of_order_cb (gpointer user_data)
{
  LotsenWindow *self = LOTSEN_WINDOW (user_data);

  self->out_of_order_id = 0;
  self->out_of_order = TRUE;
  lotsen_staff_session_lock (self->staff);
  lotsen_visit_reset (self->visit);
  lotsen_window_disable_actions (self);
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* The store can no longer keep anything (its file lost or damaged while
 * running): out of order rather than hand out tickets that would be
 * lost.  From the main loop, not from inside the write that found it. */
static void
store_unusable_cb (LotsenWindow *self)
{
  if (self->out_of_order || self->out_of_order_id != 0)
    return;

  self->out_of_order_id = g_idle_add (go_out_of_order_cb, self);
}

static void
lotsen_window_class_init (LotsenWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  window_class->close_request = lotsen_window_close_request;

  object_class->dispose = lotsen_window_dispose;
  object_class->finalize = lotsen_window_finalize;
  object_class->get_property = lotsen_window_get_property;
  object_class->set_property = lotsen_window_set_property;

  /**
   * LotsenWindow:language:
   *
   * The visitor's language. Changing it rebuilds every page in it.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, LOTSEN_DEFAULT_LANGUAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LotsenWindow:category:
   *
   * The kind of activity What's on shows, or "" for every kind (the
   * visit's, for the win.category action).
   */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenWindow, toast_overlay);

  lotsen_window_class_add_actions (widget_class);
}

static void
lotsen_window_init (LotsenWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      self->default_language = g_settings_get_string (self->settings, "default-language");
    }
  else
    g_message ("The settings schema %s is not installed; using the built-in defaults", APP_ID);

  if (lotsen_i18n_lookup (self->default_language) == NULL)
    {
      g_free (self->default_language);
      self->default_language = g_strdup (LOTSEN_DEFAULT_LANGUAGE);
    }
}

/**
 * lotsen_window_new:
 * @store: (nullable): the open store, or %NULL when it could not be opened
 * @store_problem: (nullable): why @store is %NULL, for the log (visitors
 *   see only that the kiosk is out of order)
 * @moved_aside: (nullable): where a damaged database was kept
 */
LotsenWindow *
lotsen_window_new (GtkApplication *application,
                   LotsenStore    *store,
                   const char     *store_problem,
                   const char     *moved_aside)
{
  LotsenWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || LOTSEN_IS_STORE (store), NULL);

  self = g_object_new (LOTSEN_TYPE_WINDOW, "application", application, NULL);
  self->store = store ? g_object_ref (store) : NULL;
  self->store_problem = g_strdup (store_problem);
  self->moved_aside = g_strdup (moved_aside);
  if (store == NULL)
    g_warning ("Out of order: %s", store_problem ? store_problem : "no database");

  if (store != NULL)
    {
      guint timeout = lotsen_window_get_setting (self, "idle-timeout", DEFAULT_IDLE_TIMEOUT);
      guint warning = lotsen_window_get_setting (self, "idle-warning", DEFAULT_IDLE_WARNING);

      self->visit = lotsen_visit_new (store);
      self->staff = lotsen_staff_session_new (store);
      self->idle = lotsen_idle_monitor_new (lotsen_store_get_clock (store), MAX (timeout, 1), warning);
      g_signal_connect_swapped (self->visit, "notify::category", G_CALLBACK (category_changed_cb), self);
      g_signal_connect_swapped (self->idle, "expire", G_CALLBACK (lotsen_window_reset_visit), self);

      if (self->settings != NULL)
        {
          GtkEventController *input = gtk_event_controller_legacy_new ();

          self->last_input = lotsen_clock_get_now (lotsen_store_get_clock (store));
          self->sleep_tick_id = g_signal_connect (lotsen_store_get_clock (store), "tick",
                                                  G_CALLBACK (sleep_tick_cb), self);
          gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
          g_signal_connect (input, "event", G_CALLBACK (sleep_input_cb), self);
          gtk_widget_add_controller (GTK_WIDGET (self), input);
        }
      g_signal_connect_object (store, "unusable", G_CALLBACK (store_unusable_cb), self, G_CONNECT_SWAPPED);
    }
  else
    lotsen_window_disable_actions (self);

  lotsen_i18n_set_language (self->default_language);
  gtk_widget_set_default_direction (lotsen_i18n_get_direction () == LOTSEN_TEXT_DIRECTION_RTL
                                    ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  rebuild (self);

  return self;
}

const char *
lotsen_window_get_language (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return lotsen_i18n_get_language ();
}

/**
 * lotsen_window_set_language:
 * @language: a code from the language table
 *
 * Switches the whole window to @language at once, keeping the page and
 * what the visitor did on it.
 */
void
lotsen_window_set_language (LotsenWindow *self,
                            const char   *language)
{
  g_return_if_fail (LOTSEN_IS_WINDOW (self));

  if (g_strcmp0 (language, lotsen_i18n_get_language ()) == 0 && self->pages != NULL)
    return;

  if (!lotsen_i18n_set_language (language))
    {
      g_warning ("Unknown language “%s”", language);
      return;
    }

  gtk_widget_set_default_direction (lotsen_i18n_get_direction () == LOTSEN_TEXT_DIRECTION_RTL
                                    ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
lotsen_window_get_page_name (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return current_page_name (self);
}

/**
 * lotsen_window_get_page:
 *
 * Returns: (transfer none) (nullable): the page called @name if it is the
 *   one on screen (no other page exists)
 */
GtkWidget *
lotsen_window_get_page (LotsenWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->pages, name);
}

/**
 * lotsen_window_get_visit:
 *
 * Returns: (transfer none) (nullable): the visit, or %NULL without a store
 */
LotsenVisit *
lotsen_window_get_visit (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return self->visit;
}

/**
 * lotsen_window_show_idle_warning:
 *
 * As if the kiosk had been left alone until the warning (for tests and
 * screenshots).
 */
void
lotsen_window_show_idle_warning (LotsenWindow *self)
{
  guint timeout, warning;

  g_return_if_fail (LOTSEN_IS_WINDOW (self));
  g_return_if_fail (self->idle != NULL);

  timeout = lotsen_window_get_setting (self, "idle-timeout", DEFAULT_IDLE_TIMEOUT);
  warning = lotsen_window_get_setting (self, "idle-warning", DEFAULT_IDLE_WARNING);
  lotsen_idle_monitor_pretend_idle (self->idle, timeout - MIN (warning, timeout));
}

/**
 * lotsen_window_set_kiosk_mode:
 * @kiosk_mode: %TRUE to refuse every request to close the window
 */
void
lotsen_window_set_kiosk_mode (LotsenWindow *self,
                              gboolean      kiosk_mode)
{
  g_return_if_fail (LOTSEN_IS_WINDOW (self));

  self->kiosk_mode = !!kiosk_mode;
}

gboolean
lotsen_window_get_kiosk_mode (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), FALSE);

  return self->kiosk_mode;
}

/**
 * lotsen_window_get_asleep:
 *
 * Returns: %TRUE while the screen is black in the sleep hours
 */
gboolean
lotsen_window_get_asleep (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), FALSE);

  return self->asleep;
}
