namespace EUeConformance.Device.Ecm;

public enum EcmTimeOfDayState
{
    Idle,
    /// <summary>An RFC 868 request is out.</summary>
    Requesting,
    /// <summary>Pausing between attempts of the first iteration.</summary>
    Retrying,
    Obtained,
    /// <summary>The first iteration failed; the eCM registered without ToD and keeps trying in the background.</summary>
    RetryingInBackground,
}
