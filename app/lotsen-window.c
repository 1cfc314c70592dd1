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

#include "lotsen-call-banner.h"
#include "lotsen-i18n.h"
#include "lotsen-idle-warning.h"
#include "lotsen-language-bar.h"
#include "lotsen-language-grid.h"
#include "lotsen-sleep-screen.h"
#include "lotsen-view-options.h"
#include "lotsen-window-private.h"

#define DEFAULT_IDLE_TIMEOUT 90
#define DEFAULT_IDLE_WARNING 20

G_DEFINE_FINAL_TYPE (LotsenWindow, lotsen_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_CATEGORY,
  PROP_TEXT_SCALE,
  PROP_HIGH_CONTRAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * lotsen_window_toast:
 *
 * Shows @message above the page, at the kiosk's text size and announced
 * to a screen reader, until the visitor closes it or goes to another
 * page.
 */
void
lotsen_window_toast (LotsenWindow *self,
                     const char   *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message);
  gtk_widget_set_visible (self->message, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
  self->message_fresh = TRUE;
}

void
lotsen_window_hide_message (LotsenWindow *self)
{
  if (self->message != NULL)
    gtk_widget_set_visible (self->message, FALSE);
}

static GtkWidget *
message_new (LotsenWindow *self)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_HORIZONTAL,
                                 "spacing", 16,
                                 "visible", FALSE,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                 NULL);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_widget_set_hexpand (self->message_label, TRUE);
  gtk_widget_add_css_class (self->message_label, "kiosk-message-text");
  gtk_box_append (GTK_BOX (box), self->message_label);

  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_name (close, "close-message");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "win.close-message");
  /* Translators: the accessible name of the × button of a message. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (close),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close the message"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_button_get_child (GTK_BUTTON (close))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close the message"),
                                  -1);
  gtk_box_append (GTK_BOX (box), close);
  gtk_widget_add_css_class (box, "kiosk-message");

  return box;
}

guint
lotsen_window_get_setting (LotsenWindow *self,
                           const char   *key,
                           guint         fallback)
{
  return self->settings ? g_settings_get_uint (self->settings, key) : fallback;
}

/* The visitor's text size and contrast, as style classes on the window. */
static void
apply_view_choices (LotsenWindow *self)
{
  const char *scale_class = lotsen_view_options_text_scale_class (self->text_scale);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "text-150");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "text-200");
  if (scale_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), scale_class);

  if (self->high_contrast)
    gtk_widget_add_css_class (GTK_WIDGET (self), "high-contrast");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "high-contrast");
}

/**
 * lotsen_window_has_view_choices:
 *
 * Returns: whether the visitor chose a larger text or high contrast
 */
gboolean
lotsen_window_has_view_choices (LotsenWindow *self)
{
  return self->text_scale != LOTSEN_TEXT_SCALE_DEFAULT || self->high_contrast;
}

/* Every language, opened from the language button on any page but the
 * first (which shows the same grid itself): a heading, the grid, and a
 * way back to the page without changing anything. */
static GtkWidget *
make_language_chooser (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 32);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 32);
  GtkWidget *title = g_object_new (GTK_TYPE_LABEL,
                                   "label", _("Choose your language"),
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   NULL);
  /* Translators: a button that returns to the screen before. */
  GtkWidget *back = gtk_button_new_with_label (_("Back"));

  gtk_widget_add_css_class (title, "page-title");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (back, "big-button");
  gtk_widget_set_halign (back, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.close-languages");

  gtk_widget_add_css_class (inner, "language-chooser");
  gtk_widget_set_valign (inner, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (inner), title);
  gtk_box_append (GTK_BOX (inner), lotsen_language_grid_new ());
  gtk_box_append (GTK_BOX (inner), back);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), inner);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_widget_set_vexpand (box, TRUE);

  return box;
}

/**
 * lotsen_window_show_languages:
 * @shown: %TRUE to show every language instead of the page
 *
 * Only what is on screen can be reached: while the languages show, the
 * page is hidden, and the other way round.
 */
void
lotsen_window_show_languages (LotsenWindow *self,
                              gboolean      shown)
{
  g_return_if_fail (LOTSEN_IS_WINDOW (self));

  if (self->languages == NULL)
    return;

  gtk_widget_set_visible (self->languages, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->pages), !shown);
  if (shown)
    gtk_widget_set_visible (self->language_bar, FALSE);
  else
    {
      const LotsenPageInfo *info = lotsen_window_lookup_page (lotsen_window_get_page_name (self));

      gtk_widget_set_visible (self->language_bar,
                              info != NULL && !info->staff && !g_str_equal (info->name, "welcome"));
    }
}

/* Builds everything the window shows, in the current language. */
static void
rebuild (LotsenWindow *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *page = g_strdup (lotsen_window_get_page_name (self));

  /* Translators: the kiosk's name; keep it as it is unless your script needs it. */
  gtk_window_set_title (GTK_WINDOW (self), _("Lotsen"));

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->language_bar = lotsen_language_bar_new ();
  gtk_widget_set_hexpand (self->language_bar, TRUE);
  gtk_box_append (GTK_BOX (header), self->language_bar);
  self->view_options = lotsen_view_options_new ();
  gtk_box_append (GTK_BOX (header), self->view_options);
  gtk_widget_add_css_class (header, "visitor-header");
  gtk_box_append (GTK_BOX (self->content), header);
  self->message = message_new (self);
  gtk_box_append (GTK_BOX (self->content), self->message);

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages), TRUE);
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->pages));

  self->languages = make_language_chooser ();
  gtk_widget_set_visible (self->languages, FALSE);
  gtk_box_append (GTK_BOX (self->content), self->languages);

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

  lotsen_window_show_page (self, page);
}

/* Asleep in the sleep hours: nothing of the visitor's stays. */
static void
asleep_changed_cb (LotsenWindow *self)
{
  if (lotsen_sleep_screen_get_asleep (LOTSEN_SLEEP_SCREEN (self->sleep_screen)))
    lotsen_window_reset_visit (self);
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
  self->text_scale = LOTSEN_TEXT_SCALE_DEFAULT;
  self->high_contrast = FALSE;
  apply_view_choices (self);

  if (g_strcmp0 (lotsen_i18n_get_language (), self->default_language) != 0)
    lotsen_window_set_language (self, self->default_language);
  else
    rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
}

static void
lotsen_window_dispose (GObject *object)
{
  LotsenWindow *self = LOTSEN_WINDOW (object);

  if (self->idle != NULL)
    g_signal_handlers_disconnect_by_data (self->idle, self);
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
  g_free (self->printer_problem);
  g_free (self->offered_backup);
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

    case PROP_TEXT_SCALE:
      g_value_set_uint (value, self->text_scale);
      break;

    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
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

    case PROP_TEXT_SCALE:
      lotsen_window_set_text_scale (self, g_value_get_uint (value));
      break;

    case PROP_HIGH_CONTRAST:
      lotsen_window_set_high_contrast (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
category_changed_cb (LotsenWindow *self)
{
  if (g_strcmp0 (lotsen_window_get_page_name (self), "activities") == 0)
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
  /**
   * LotsenWindow:text-scale:
   *
   * The visitor's text size in per cent (100, 150 or 200), until the
   * visit ends.
   */
  properties[PROP_TEXT_SCALE] =
    g_param_spec_uint ("text-scale", NULL, NULL, 100, 200, LOTSEN_TEXT_SCALE_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LotsenWindow:high-contrast:
   *
   * Black on white and yellow on black, with thick outlines, until the
   * visit ends.
   */
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenWindow, outer);
  gtk_widget_class_bind_template_child (widget_class, LotsenWindow, toast_overlay);

  lotsen_window_class_add_actions (widget_class);
}

static void
lotsen_window_init (LotsenWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->text_scale = LOTSEN_TEXT_SCALE_DEFAULT;
  lotsen_view_options_install_styles (gtk_widget_get_display (GTK_WIDGET (self)));

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
 * lotsen_window_offer_backup:
 * @backup: (nullable): a backup that can be restored, or %NULL for none
 * @date: (nullable): the day @backup was made
 *
 * After the kiosk found its database damaged and started an empty one,
 * staff are offered @backup on the staff panel, to put back with one tap.
 */
void
lotsen_window_offer_backup (LotsenWindow *self,
                            const char   *backup,
                            const GDate  *date)
{
  g_return_if_fail (LOTSEN_IS_WINDOW (self));
  g_return_if_fail (backup == NULL || date != NULL);

  g_free (self->offered_backup);
  self->offered_backup = g_strdup (backup);
  if (date != NULL)
    self->offered_backup_date = *date;
  else
    g_date_clear (&self->offered_backup_date, 1);
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

      /* Calls, where no second monitor shows them: over the page,
       * never taking a touch or the focus. */
      self->call_banner = lotsen_call_banner_new ();
      gtk_overlay_add_overlay (self->outer, self->call_banner);

      /* In the sleep hours: black, over everything, built once. */
      if (self->settings != NULL)
        {
          self->sleep_screen = lotsen_sleep_screen_new (store, self->settings, MAX (timeout, 1));
          gtk_overlay_add_overlay (self->outer, self->sleep_screen);
          g_signal_connect_swapped (self->sleep_screen, "notify::asleep", G_CALLBACK (asleep_changed_cb), self);
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
    {
      lotsen_window_show_languages (self, FALSE);
      return;
    }

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

/**
 * lotsen_window_set_text_scale:
 * @scale: 100, 150 or 200 (per cent)
 *
 * Makes every text on screen @scale per cent of its size, until the
 * visit ends.
 */
void
lotsen_window_set_text_scale (LotsenWindow *self,
                              guint         scale)
{
  g_return_if_fail (LOTSEN_IS_WINDOW (self));

  if (!lotsen_view_options_is_text_scale (scale))
    {
      g_warning ("No text size of %u %%", scale);
      return;
    }
  if (scale == self->text_scale)
    return;

  self->text_scale = scale;
  apply_view_choices (self);
  lotsen_window_update_idle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

guint
lotsen_window_get_text_scale (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), LOTSEN_TEXT_SCALE_DEFAULT);

  return self->text_scale;
}

/**
 * lotsen_window_set_high_contrast:
 *
 * Black on white and yellow on black with thick outlines, until the
 * visit ends.
 */
void
lotsen_window_set_high_contrast (LotsenWindow *self,
                                 gboolean      high_contrast)
{
  g_return_if_fail (LOTSEN_IS_WINDOW (self));

  if (!!high_contrast == self->high_contrast)
    return;

  self->high_contrast = !!high_contrast;
  apply_view_choices (self);
  lotsen_window_update_idle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
}

gboolean
lotsen_window_get_high_contrast (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), FALSE);

  return self->high_contrast;
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

  return self->sleep_screen != NULL && lotsen_sleep_screen_get_asleep (LOTSEN_SLEEP_SCREEN (self->sleep_screen));
}

/**
 * lotsen_window_get_call_banner:
 *
 * Returns: (transfer none) (nullable): the banner that shows calls over
 *   the kiosk; %NULL while out of order
 */
GtkWidget *
lotsen_window_get_call_banner (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return self->call_banner;
}

/**
 * lotsen_window_get_printer_problem:
 *
 * Returns: (nullable): why the last ticket was not printed, or %NULL
 */
const char *
lotsen_window_get_printer_problem (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return self->printer_problem;
}
