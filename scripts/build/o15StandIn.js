// Served as office-js/o15apptofilemappingtable.js: our own stand-in, not Microsoft's file.
//
// office.js asks for o15apptofilemappingtable.js only when it finds no host information, which means
// Office 2013 or a plain browser (the add-in opened outside Excel: a developer trusting the dev
// certificate, the pane's demo, the tests). Every Excel that can run this add-in passes host information
// and loads its excel-*.js host file instead, which never requests this one. Microsoft's own file is the
// Office 2013 host library: it opens a telemetry frame on telemetryservice.firstpartyapps.oaspapps.com,
// which an isolated intranet must not be asked for. Without any file, each load logs a 404 and office.js
// throws "MicrosoftAjax.js is not loaded successfully." some 50 seconds later.
//
// What office.js uses of it: an error factory (OfficeExt.MsAjaxError, which the host files provide), and
// OSF.OUtil.parseXdmInfo, which finds the cross-frame information an Office 2013 host puts in the page's
// address. Given both, office.js concludes it runs outside Office and resolves Office.onReady with no
// host, as it does with Microsoft's file.
(function () {
  var osf = (window.OSF = window.OSF || {});
  var util = (osf.OUtil = osf.OUtil || {});
  if (!util.parseXdmInfo) {
    util.parseXdmInfo = function () {
      var parts = window.location.hash.split('&_xdm_Info=');
      return parts.length > 1 ? parts[parts.length - 1] : null;
    };
  }
  var ext = (window.OfficeExt = window.OfficeExt || {});
  if (ext.MsAjaxError) return;
  function error(name) {
    return function (paramName, message) {
      var e = new Error(message || (paramName ? name + ': ' + paramName : name));
      e.name = name;
      return e;
    };
  }
  ext.MsAjaxError = {
    create: function (message) {
      return new Error(message);
    },
    argument: error('Sys.ArgumentException'),
    argumentNull: error('Sys.ArgumentNullException'),
    argumentOutOfRange: error('Sys.ArgumentOutOfRangeException'),
    argumentType: error('Sys.ArgumentTypeException'),
    argumentUndefined: error('Sys.ArgumentUndefinedException'),
    invalidOperation: error('Sys.InvalidOperationException'),
    notImplemented: error('Sys.NotImplementedException'),
    parameterCount: error('Sys.ParameterCountException'),
  };
})();
