/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-window.c — the kiosk window: the language bar, the pages, and the
 * visitor's place in them.
 *
 * What the visitor is doing (the page, their ticket) lives here, not in
 * the pages, so that a language change can throw every page away and
 * build it again in the new language: every string on screen is then
 * translated anew, the layout mirrors for right-to-left languages, and
 * nothing the visitor did is lost.
 */

#define G_LOG_DOMAIN "lotsen-window"

#include "config.h"

#include "lotsen-i18n.h"
#include "lotsen-language-bar.h"
#include "lotsen-queue.h"
#include "lotsen-queue-page.h"
#include "lotsen-soon-page.h"
#include "lotsen-staff-page.h"
#include "lotsen-ticket-page.h"
#include "lotsen-welcome-page.h"
#include "lotsen-window.h"

#define DEFAULT_TICKET_SECONDS 30

struct _LotsenWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;

  GtkWidget            *language_bar;
  GtkStack             *pages;

  LotsenStore          *store;
  GSettings            *settings;
  char                 *store_problem;
  char                 *moved_aside;
  char                 *default_language;

  char                 *page_name;
  gint64                ticket_id;
  gint64                called_ticket_id;
  int                   desk;
};

G_DEFINE_FINAL_TYPE (LotsenWindow, lotsen_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_page (LotsenWindow *self,
                       const char   *name);

static void
toast (LotsenWindow *self,
       const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static guint
get_ticket_seconds (LotsenWindow *self)
{
  if (self->settings == NULL)
    return DEFAULT_TICKET_SECONDS;

  return g_settings_get_uint (self->settings, "ticket-seconds");
}

static GtkWidget *
create_problem_page (LotsenWindow *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *details = gtk_label_new (self->store_problem);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "lotsen-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("This kiosk is out of order"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _("Please ask the staff for help."));

  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  adw_status_page_set_child (ADW_STATUS_PAGE (page), details);

  return page;
}

/* Pages are made when first shown, so start-up and a language change only
 * build what is on screen. */
static GtkWidget *
ensure_page (LotsenWindow *self,
             const char   *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->pages, name);

  if (page != NULL)
    return page;

  if (g_str_equal (name, "problem"))
    page = create_problem_page (self);
  else if (g_str_equal (name, "welcome"))
    page = lotsen_welcome_page_new ();
  else if (g_str_equal (name, "register"))
    page = lotsen_soon_page_new (_("Register"));
  else if (g_str_equal (name, "activities"))
    page = lotsen_soon_page_new (_("Activities"));
  else if (g_str_equal (name, "queue"))
    page = lotsen_queue_page_new ();
  else if (g_str_equal (name, "ticket"))
    page = lotsen_ticket_page_new (get_ticket_seconds (self));
  else if (g_str_equal (name, "staff"))
    page = lotsen_staff_page_new ();
  else
    return NULL;

  gtk_stack_add_named (self->pages, page, name);
  return page;
}

/* Builds everything the window shows, in the current language. */
static void
rebuild (LotsenWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Translators: the kiosk's name; keep it as it is unless your script needs it. */
  gtk_window_set_title (GTK_WINDOW (self), _("Lotsen"));

  self->language_bar = lotsen_language_bar_new ();
  gtk_box_append (GTK_BOX (box), self->language_bar);

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->pages, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pages));

  adw_toast_overlay_set_child (self->toast_overlay, box);

  show_page (self, self->page_name);
}

static void
refresh_queue_page (LotsenWindow *self,
                    GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;

  services = lotsen_queue_list_services (self->store, lotsen_i18n_get_language (), &error);
  if (services == NULL)
    {
      g_warning ("Listing services: %s", error->message);
      services = g_ptr_array_new ();
      toast (self, error->message);
    }

  lotsen_queue_page_set_services (LOTSEN_QUEUE_PAGE (page), services);
}

static gboolean
refresh_ticket_page (LotsenWindow *self,
                     GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenService) service = NULL;
  LotsenWaitEstimate estimate;

  ticket = lotsen_queue_get_ticket (self->store, self->ticket_id, &error);
  if (ticket != NULL)
    service = lotsen_queue_get_service (self->store, ticket->prefix, lotsen_i18n_get_language (), &error);
  if (service == NULL || !lotsen_queue_estimate_wait (self->store, self->ticket_id, &estimate, &error))
    {
      g_warning ("Showing ticket %" G_GINT64_FORMAT ": %s", self->ticket_id, error->message);
      toast (self, error->message);
      return FALSE;
    }

  lotsen_ticket_page_set_ticket (LOTSEN_TICKET_PAGE (page), ticket, service->name, &estimate);
  return TRUE;
}

static void
refresh_staff_page (LotsenWindow *self,
                    GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(LotsenTicket) called = NULL;
  g_autofree char *notice = NULL;

  waiting = lotsen_queue_list_waiting (self->store, &error);
  if (waiting == NULL)
    {
      toast (self, error->message);
      waiting = g_ptr_array_new ();
    }

  if (self->called_ticket_id != 0)
    {
      called = lotsen_queue_get_ticket (self->store, self->called_ticket_id, NULL);
      if (called != NULL && called->status != LOTSEN_TICKET_CALLED)
        g_clear_pointer (&called, lotsen_ticket_free);
    }

  if (self->moved_aside != NULL)
    /* Translators: %s is a file name. Shown to staff only. */
    notice = g_strdup_printf (_("The database file was damaged. It has been kept as %s and a new, empty database was started. Please tell your administrator."),
                              self->moved_aside);

  lotsen_staff_page_set_desk (LOTSEN_STAFF_PAGE (page), self->desk);
  lotsen_staff_page_set_queue (LOTSEN_STAFF_PAGE (page), waiting, called,
                               lotsen_store_get_timezone (self->store));
  lotsen_staff_page_set_notice (LOTSEN_STAFF_PAGE (page), notice);
}

static void
show_page (LotsenWindow *self,
           const char   *name)
{
  GtkWidget *page;

  if (self->store == NULL)
    name = "problem";
  else if (g_strcmp0 (name, "ticket") == 0 && self->ticket_id == 0)
    name = "welcome";

  page = ensure_page (self, name);
  if (page == NULL)
    {
      g_warning ("No page called “%s”", name);
      name = "welcome";
      page = ensure_page (self, name);
    }

  if (g_str_equal (name, "queue"))
    refresh_queue_page (self, page);
  else if (g_str_equal (name, "ticket") && !refresh_ticket_page (self, page))
    {
      show_page (self, "welcome");
      return;
    }
  else if (g_str_equal (name, "staff"))
    refresh_staff_page (self, page);

  if (g_strcmp0 (self->page_name, name) != 0)
    {
      g_free (self->page_name);
      self->page_name = g_strdup (name);
    }

  /* Staff screens are not the visitor's: no language bar there. */
  gtk_widget_set_visible (self->language_bar, !g_str_equal (name, "staff"));
  gtk_stack_set_visible_child (self->pages, page);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_page (LOTSEN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
go_home_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_page (LOTSEN_WINDOW (widget), "welcome");
}

static void
take_ticket_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;

  ticket = lotsen_queue_take_ticket (self->store, g_variant_get_string (parameter, NULL),
                                     lotsen_i18n_get_language (), &error);
  if (ticket == NULL)
    {
      g_warning ("Taking a ticket: %s", error->message);
      toast (self, _("No ticket could be made. Please try again, or ask the staff."));
      return;
    }

  self->ticket_id = ticket->id;
  show_page (self, "ticket");
}

static void
set_interpreter_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *lang = g_variant_get_string (parameter, NULL);

  if (!lotsen_queue_set_interpreter (self->store, self->ticket_id, *lang ? lang : NULL, &error))
    {
      g_warning ("Asking for an interpreter: %s", error->message);
      toast (self, _("Your interpreter request could not be saved. Please tell the staff when you are called."));
    }

  show_page (self, "ticket");
}

/* The visitor is done: the next person starts afresh, in the default language. */
static void
finish_visit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  self->ticket_id = 0;
  g_free (self->page_name);
  self->page_name = g_strdup ("welcome");

  if (g_strcmp0 (lotsen_i18n_get_language (), self->default_language) != 0)
    lotsen_window_set_language (self, self->default_language);
  else
    show_page (self, "welcome");
}

static void
call_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;

  self->desk = g_variant_get_int32 (parameter);
  ticket = lotsen_queue_call_next (self->store, self->desk, NULL, &error);

  if (error != NULL)
    toast (self, error->message);
  else if (ticket == NULL)
    toast (self, _("No ticket is waiting."));
  else
    self->called_ticket_id = ticket->id;

  show_page (self, "staff");
}

static void
finish_ticket_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  LotsenTicketStatus status;

  status = g_str_equal (g_variant_get_string (parameter, NULL), "done")
           ? LOTSEN_TICKET_DONE : LOTSEN_TICKET_NO_SHOW;

  ticket = lotsen_queue_get_ticket (self->store, self->called_ticket_id, &error);
  if (ticket == NULL || !lotsen_queue_finish (self->store, ticket->label, status, &error))
    toast (self, error->message);
  else
    self->called_ticket_id = 0;

  show_page (self, "staff");
}

static void
lotsen_window_dispose (GObject *object)
{
  LotsenWindow *self = LOTSEN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOTSEN_TYPE_WINDOW);
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
  g_free (self->page_name);

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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_window_class_init (LotsenWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenWindow, toast_overlay);

  gtk_widget_class_install_property_action (widget_class, "win.language", "language");
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.go-home", NULL, go_home_action);
  gtk_widget_class_install_action (widget_class, "win.take-ticket", "s", take_ticket_action);
  gtk_widget_class_install_action (widget_class, "win.set-interpreter", "s", set_interpreter_action);
  gtk_widget_class_install_action (widget_class, "win.finish-visit", NULL, finish_visit_action);
  gtk_widget_class_install_action (widget_class, "win.call-next", "i", call_next_action);
  gtk_widget_class_install_action (widget_class, "win.finish-ticket", "s", finish_ticket_action);
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

  self->page_name = g_strdup ("welcome");
  self->desk = 1;
}

/**
 * lotsen_window_new:
 * @store: (nullable): the open store, or %NULL when it could not be opened
 * @store_problem: (nullable): why @store is %NULL, for staff
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

  return self->page_name;
}

/**
 * lotsen_window_get_page:
 *
 * Returns: (transfer none) (nullable): the page called @name as it is
 *   now, or %NULL when it has not been shown since the last rebuild
 */
GtkWidget *
lotsen_window_get_page (LotsenWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->pages, name);
}

gint64
lotsen_window_get_ticket_id (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), 0);

  return self->ticket_id;
}
